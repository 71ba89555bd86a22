// Status vocabularies of real exports (Salesforce, HubSpot, Odoo, Dolibarr, vtiger, Spanish ERPs),
// normalised to the model's values. Terms are compared after normalizeKey(); attribute values
// (client type, region…) are never translated, only these domains.
import { normalizeKey } from './text';

export type Domain = 'outcome' | 'quote_status' | 'doc_type' | 'doc_status' | 'flag' | 'opportunity_kind' | 'decision' | 'target_scope';

const TERMS: Record<Domain, Record<string, string[]>> = {
	outcome: {
		won: ['won', 'deal won', 'closed won', 'closedwon', 'ganada', 'ganado', 'cerrada ganada', 'cerrado ganado', 'cierre ganado', 'vendido', 'vendida', 'exito'],
		lost: ['lost', 'deal lost', 'closed lost', 'closedlost', 'closed lost to competition', 'lost to competition', 'perdida ante la competencia', 'perdida', 'perdido', 'cerrada perdida', 'cerrado perdido', 'cierre perdido', 'no firmado'],
		// Declining to bid closes a record without losing it (DESIGN.md §3: not a loss); its decision is no_go.
		no_go: ['no go', 'nogo', 'no bid', 'declined', 'declinada', 'declinado', 'descartada', 'descartado', 'desestimada', 'desestimado', 'no ofertar', 'no ofertada', 'no ofertado', 'no se oferta', 'no presentada'],
		open: [
			'open', 'abierta', 'abierto', 'en curso', 'en proceso', 'pendiente', 'nueva', 'nuevo',
			'prospecting', 'qualification', 'needs analysis', 'value proposition', 'id decision makers', 'perception analysis',
			'proposal price quote', 'negotiation review', 'engaging', 'appointmentscheduled', 'qualifiedtobuy',
			'presentationscheduled', 'decisionmakerboughtin', 'contractsent',
			'prospeccion', 'calificacion', 'propuesta', 'negociacion', 'investigando', 'calificando', 'necesita analisis',
			'propuesta de evaluacion', 'identificando quien decide', 'analisis', 'presupuesto cotizacion propuesta', 'negociando revisando'
		]
	},
	quote_status: {
		draft: ['draft', 'borrador', 'quotation', 'presupuesto', 'cotizacion'],
		sent: ['sent', 'enviado', 'enviada', 'quotation sent', 'presupuesto enviado', 'cotizacion enviada', 'validado', 'validada', 'abierto', 'abierta', 'pendiente', 'open', 'emitido', 'emitida'],
		accepted: ['accepted', 'aceptado', 'aceptada', 'aprobado', 'aprobada', 'firmado', 'firmada', 'firmado a facturar', 'facturado', 'facturada', 'sale', 'sales order', 'orden de venta', 'pedido de venta', 'invoiced', 'bloqueado', 'done', 'locked', 'won', 'ganado', 'ganada'],
		rejected: ['rejected', 'declined', 'declinado', 'declinada', 'rechazado', 'rechazada', 'no firmado', 'no firmado cerrado', 'lost', 'perdido', 'perdida', 'cancel', 'cancelled', 'canceled', 'cancelado', 'cancelada', 'anulado', 'anulada'],
		expired: ['expired', 'vencido', 'vencida', 'caducado', 'caducada', 'expirado', 'expirada']
	},
	doc_type: {
		invoice: [
			'invoice', 'factura', 'out invoice', 'boleta', 'ticket', 'fv', 'factura de venta', 'nota de debito', 'debit note',
			'factura de cliente', 'factura cliente', 'customer invoice', 'factura electronica', 'sales invoice', 'ar invoice',
			// Chile's electronic documents (SII) and Mexico's CFDI of type I (ingreso).
			'boleta electronica', 'factura exenta', 'factura exenta electronica', 'factura no afecta o exenta electronica',
			'nota de debito electronica', 'ingreso', 'i ingreso'
		],
		credit_note: [
			'credit note', 'credit memo', 'nota de credito', 'nota credito', 'nc', 'abono', 'factura rectificativa', 'rectificativa', 'out refund', 'refund', 'devolucion',
			'factura rectificativa de cliente', 'nota de credito de cliente', 'customer credit note', 'nota de abono', 'factura de abono',
			'reembolso', 'reembolso de cliente', 'rinv', 'ar credit memo', 'credit', 'sales credit note', 'accreccredit',
			// Chile's electronic credit note; Mexico's CFDI of type E (egreso).
			'nota de credito electronica', 'egreso', 'e egreso'
		]
	},
	// A document's status: posted documents count in the figures, drafts and cancelled ones in none.
	// Paid, due or overdue are states of a posted invoice; a pro-forma is no invoice yet (draft); a
	// document the tax authority or the customer rejected is void (cancelled). Values not listed are
	// kept as written and count as posted (docs/definitions.md "Document status").
	doc_status: {
		posted: [
			'posted', 'publicado', 'publicada', 'contabilizado', 'contabilizada', 'registrado', 'registrada', 'validado', 'validada', 'validated',
			'emitido', 'emitida', 'issued', 'open', 'abierto', 'abierta', 'pendiente', 'pendiente de pago', 'pendiente de cobro', 'unpaid',
			'no pagado', 'no pagada', 'not paid', 'paid', 'pagado', 'pagada', 'cobrado', 'cobrada', 'partially paid', 'partial',
			'parcialmente pagado', 'parcialmente pagada', 'pago parcial', 'in payment', 'en proceso de pago', 'overdue', 'vencido', 'vencida',
			'closed', 'cerrado', 'cerrada', 'authorised', 'authorized', 'autorizado', 'autorizada', 'sent', 'enviado', 'enviada', 'viewed',
			'shipped', 'delivered', 'entregado', 'entregada', 'invoiced', 'facturado', 'facturada', 'completed', 'completado', 'completada',
			'por cobrar', 'por pagar', 'timbrado', 'timbrada', 'vigente', 'accrec'
		],
		draft: [
			'draft', 'borrador', 'en borrador', 'proforma', 'pro forma', 'factura proforma', 'submitted', 'awaiting approval',
			'pendiente de aprobacion', 'no validado', 'no validada', 'sin validar', 'preliminar', 'provisional'
		],
		cancelled: [
			'cancelled', 'canceled', 'cancel', 'cancelado', 'cancelada', 'anulado', 'anulada', 'abandonado', 'abandonada', 'abandoned',
			'void', 'voided', 'deleted', 'eliminado', 'eliminada', 'rechazado', 'rechazada', 'rejected'
		]
	},
	// Yes/no columns (SAP Business One's CANCELED: Y, N, and C for the cancellation document itself).
	flag: {
		yes: ['y', 'yes', 's', 'si', 'true', 't', '1', 'x', 'c', 'verdadero', 'cancelled', 'canceled', 'cancelado', 'cancelada', 'anulado', 'anulada'],
		no: ['n', 'no', 'false', 'f', '0', 'falso']
	},
	opportunity_kind: {
		lead: ['lead', 'prospecto', 'cliente potencial'],
		opportunity: ['opportunity', 'oportunidad', 'deal', 'negocio'],
		tender: ['tender', 'licitacion', 'concurso', 'rfp'],
		quote_request: ['quote request', 'solicitud de cotizacion', 'solicitud de presupuesto', 'rfq', 'pedido de cotizacion']
	},
	// The go / no-go decision after qualification (DESIGN.md §2).
	decision: {
		go: ['go', 'si', 'yes', 'y', 's', 'adelante', 'ofertar', 'bid', 'aprobada', 'aprobado', 'continuar', 'seguir'],
		no_go: ['no go', 'nogo', 'no', 'n', 'no bid', 'declined', 'declinada', 'declinado', 'descartada', 'descartado', 'no ofertar', 'desestimada', 'desestimado', 'rechazada', 'rechazado'],
		pending: ['pending', 'pendiente', 'en evaluacion', 'por decidir', 'sin decidir', 'tbd']
	},
	// A goal's scope as a metas export names it (issue 16): the portfolio or a segment dimension.
	target_scope: {
		total: ['total', 'cartera', 'portfolio', 'empresa', 'company', 'global', 'general', 'todos', 'all'],
		account_manager: ['account manager', 'account managers', 'ejecutivo', 'ejecutivo de cuenta', 'ejecutivos', 'vendedor', 'vendedores', 'comercial', 'asesor', 'salesperson', 'sales rep', 'owner', 'agente'],
		product_line: ['product line', 'product lines', 'linea', 'linea de producto', 'lineas', 'familia', 'categoria', 'category'],
		region: ['region', 'regiones', 'regions', 'zona', 'territorio', 'territory'],
		business_unit: ['business unit', 'business units', 'unidad de negocio', 'unidades de negocio', 'division']
	}
};

export interface VocabularyEntry {
	domain: Domain;
	term: string;
	canonical: string;
}

export function vocabularyEntries(): VocabularyEntry[] {
	const out: VocabularyEntry[] = [];
	for (const [domain, groups] of Object.entries(TERMS) as [Domain, Record<string, string[]>][])
		for (const [canonical, terms] of Object.entries(groups))
			for (const term of terms) out.push({ domain, term: normalizeKey(term), canonical });
	return out;
}
