// A header is what it says: abbreviations, currencies, word order, case and accents do not change it.
import { describe, expect, it } from 'vitest';
import { headerKey, headerTerms } from '../../../src/lib/server/ingest/recognise/header-terms';

const same = (a: string, b: string) => expect(headerKey(a), `${a} = ${b}`).toBe(headerKey(b));

describe('headerKey', () => {
	it('reads the abbreviations of Spanish ERPs as the words they stand for', () => {
		for (const h of ['Nro. Factura', 'Nº factura', 'No. Factura', 'Núm. factura', 'Num Factura', 'N° Factura', 'Factura #']) same(h, 'Número de factura');
		same('Cód. Cliente', 'Código cliente');
		same('Cod Cliente', 'Código de cliente');
		for (const h of ['Cant.', 'Ctd', 'Qty', 'Unidades']) same(h, 'Cantidad');
		for (const h of ['P. Unit.', 'Precio Unit.', 'PU', 'Precio unitario', 'Unit Price', 'Price each']) same(h, 'Precio unitario');
		same('Fec. Emisión', 'Fecha de emisión');
		same('F. Emisión', 'Fecha emisión');
		same('Imp.', 'Importe');
		same('Desc.', 'Descripción');
		same('% Desc.', 'Descuento');
		same('Cte.', 'Cliente');
	});

	it('drops currency and unit suffixes, unless they are all the header says', () => {
		for (const h of ['Total Bs.', 'Total (USD)', 'Total $', 'Total [€]', 'TOTAL MXN', 'Total S/.']) same(h, 'Total');
		same('Importe (USD)', 'Importe');
		same('Monto $', 'Monto');
		same('Precio [€]', 'Precio');
		same('Probability (%)', 'Probability');
		expect(headerTerms('USD')).toEqual(['usd']);
	});

	it('ignores word order, case, accents, plurals and words that carry nothing', () => {
		same('Factura fecha', 'Fecha de factura');
		same('FECHA DE FACTURA', 'fecha factura');
		same('Razón Social', 'razon_social');
		same('Ventas', 'Venta');
		same('Impuestos', 'Impuesto');
	});

	it('says net and gross when the header does', () => {
		same('Importe sin IVA', 'Importe neto');
		same('Total con IVA', 'Total bruto');
		expect(headerKey('Importe sin IVA')).not.toBe(headerKey('Importe'));
	});

	it('keeps headers that say different things apart', () => {
		expect(headerKey('Fecha de factura')).not.toBe(headerKey('Fecha de vencimiento'));
		expect(headerKey('Código cliente')).not.toBe(headerKey('Código producto'));
		expect(headerKey('Precio unitario')).not.toBe(headerKey('Precio'));
		expect(headerKey('% Desc.')).not.toBe(headerKey('Desc.'));
	});
});
