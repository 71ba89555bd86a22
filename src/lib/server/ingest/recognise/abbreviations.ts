// The words of export headers, grouped by what they mean: each group's first word is the term
// every other one becomes (abbreviations of Spanish ERPs, the English word for the same idea).
// Only words that mean one thing in a header are grouped; "Imp." is importe as the ERPs
// write it, "Desc." descripción unless a "%" says it is a discount (PHRASES).

const GROUPS: string[][] = [
	['numero', 'number', 'num', 'nro', 'nr', 'nbr', 'no', 'n', 'nmr', 'nun', 'numb', 'nos'],
	['codigo', 'code', 'cod', 'cdg', 'cd'],
	['cantidad', 'quantity', 'qty', 'cant', 'ctd', 'cdad', 'qtty', 'unidades', 'units', 'uds', 'pcs', 'piezas'],
	['precio', 'price', 'pvp', 'prec', 'pr'],
	['unitario', 'unit', 'unitaria', 'unid', 'unit.', 'ud', 'und', 'u', 'each', 'unidad', 'unitarios'],
	['fecha', 'date', 'fec', 'fch', 'fcha', 'dt', 'f'],
	['importe', 'imp', 'impte'],
	['descripcion', 'description', 'desc', 'descr', 'dscription', 'dscripcion', 'concepto'],
	// Electronic invoices name the client as their receiver (CFDI's Receptor, Colombia's Adquiriente).
	['cliente', 'client', 'customer', 'cte', 'clte', 'cli', 'clt', 'cust', 'receptor', 'adquiriente', 'adquirente', 'comprador', 'buyer'],
	['factura', 'invoice', 'fact', 'fac', 'fra', 'fctr', 'inv'],
	['articulo', 'art', 'artic', 'artculo'],
	['producto', 'product', 'prod', 'prd'],
	['nombre', 'name', 'nom', 'nomb', 'nbre'],
	['documento', 'document', 'doc', 'docto'],
	['referencia', 'reference', 'ref', 'refer'],
	['estado', 'status', 'edo', 'estatu', 'statu'],
	['estimado', 'est', 'estimated', 'expected', 'esperado', 'esperada', 'previsto', 'prevista', 'estimada'],
	['ingreso', 'revenue', 'ingresos'],
	['etapa', 'stage', 'fase', 'phase'],
	['probabilidad', 'probability', 'prob', 'probab'],
	['oportunidad', 'opportunity', 'opp', 'oppty', 'oport', 'opor'],
	['cotizacion', 'cot', 'cotiz'],
	['creacion', 'created', 'creation', 'create', 'creado', 'creada'],
	['cierre', 'close', 'closed', 'closing', 'cerrado', 'cerrada'],
	['emision', 'emis', 'emitido', 'emitida', 'expedicion', 'issue', 'issued'],
	['vendedor', 'vend', 'vdor'],
	['descuento', 'discount', 'dto', 'dcto', 'disc'],
	['impuesto', 'tax', 'taxe', 'impto', 'impuest'],
	['neto', 'net', 'untaxed'],
	['bruto', 'gross'],
	['linea', 'line', 'lin', 'ln'],
	['identificador', 'id', 'ident'],
	['moneda', 'currency', 'divisa', 'curr'],
	['tipo', 'type', 'tp'],
	['porcentaje', 'percent', 'percentage', 'pct', 'porc'],
	['pedido', 'order', 'ped'],
	['razon', 'rzn'],
	['telefono', 'phone', 'tel', 'tlf', 'telf'],
	['direccion', 'address', 'dir', 'direc'],
	['total', 'tot', 'ttl'],
	['categoria', 'category', 'cat', 'categ']
];

/** Word (or its singular) → the term it means. */
export const TERM_OF = new Map<string, string>(GROUPS.flatMap(([term, ...variants]) => [[term!, term!] as const, ...variants.map((v) => [v, term!] as const)]));

/** Runs of words that mean one term or a different pair (matched before single words). */
export const PHRASES: [string[], string[]][] = [
	[['pu'], ['precio', 'unitario']],
	[['p', 'u'], ['precio', 'unitario']],
	[['p', 'unit'], ['precio', 'unitario']],
	[['p', 'unitario'], ['precio', 'unitario']],
	[['vr', 'unit'], ['precio', 'unitario']],
	[['valor', 'unitario'], ['precio', 'unitario']],
	[['desc', 'porcentaje'], ['descuento']],
	[['descuento', 'porcentaje'], ['descuento']],
	[['discount', 'porcentaje'], ['descuento']],
	[['dto', 'porcentaje'], ['descuento']],
	[['porcentaje', 'dto'], ['descuento']],
	[['probabilidad', 'porcentaje'], ['probabilidad']],
	[['probability', 'porcentaje'], ['probabilidad']],
	[['porcentaje', 'desc'], ['descuento']],
	[['sin', 'iva'], ['neto']],
	[['sin', 'impuesto'], ['neto']],
	[['sin', 'impuestos'], ['neto']],
	[['excl', 'tax'], ['neto']],
	[['excl', 'vat'], ['neto']],
	[['before', 'tax'], ['neto']],
	[['tax', 'excluded'], ['neto']],
	[['con', 'iva'], ['bruto']],
	[['iva', 'incluido'], ['bruto']],
	[['incl', 'tax'], ['bruto']],
	[['incl', 'vat'], ['bruto']],
	[['inc', 'tax'], ['bruto']],
	[['tax', 'included'], ['bruto']],
	[['do', 'not', 'modify'], []],
	[['no', 'modificar'], []],
	[['moneda', 'local'], ['usd']],
	[['moneda', 'nacional'], ['usd']],
	[['local', 'currency'], ['usd']],
];

/** Words that carry nothing in a header. */
export const STOPWORDS = new Set(['de', 'del', 'la', 'las', 'el', 'los', 'of', 'the', 'en', 'por', 'para', 'y', 'and', 'at', 'a', 'al', 'time', 'hora', 'record']);

/**
 * A number, a code and an id of something are one idea: its key. "Nº oportunidad", "ID oportunidad"
 * and "Código de oportunidad" say the same; alone, "Número" or "Código" stay what they are (their
 * meaning depends on the kind: kinds.ts `generic`).
 */
export const KEY_TERMS = new Set(['numero', 'codigo', 'identificador']);
export const KEY_TERM = 'clave';

/**
 * Currencies and units written beside an amount ("Total Bs.", "Importe (USD)", "Precio [€]"):
 * dropped when the header says something else too. ISO codes of the region and common words.
 */
export const CURRENCY_TERMS = new Set([
	'usd', 'eur', 'euro', 'bs', 'bob', 'mxn', 'cop', 'clp', 'pen', 'ars', 'uyu', 'pyg', 'gtq', 'hnl', 'nio', 'crc', 'pab', 'dop',
	'ves', 'brl', 'gbp', 'cad', 'mn', 'ml', 'soles', 'sol', 'pesos', 'peso', 'dolares', 'dolar', 'bolivianos', 'boliviano',
	'quetzales', 'colones', 'lempiras', 'kg', 's'
]);
