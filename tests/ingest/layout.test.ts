// Delimiter, quote and header row from the head of a file.
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/lib/server/ingest/layout';

describe('detectLayout', () => {
	it('finds the header under an ERP title block', () => {
		const text = 'Informe de ventas\r\nEmpresa: Distribuidora;Fecha: 01/01/2025\r\n\r\nNº factura;Fecha;Cliente;Importe\r\nF1;01/01/2025;C1;10,00\r\n';
		expect(detectLayout(text)).toEqual({ delimiter: ';', quote: '"', headers: ['Nº factura', 'Fecha', 'Cliente', 'Importe'], headerLine: 4 });
	});

	it('does not split decimal commas when the delimiter is a semicolon', () => {
		const text = 'ID;Importe;Probabilidad\nA;1.630,00;0,25\nB;2,50;0,5\n';
		expect(detectLayout(text)?.delimiter).toBe(';');
	});

	it('reads tabs, pipes, CR-only lines, single quotes and trailing empty columns', () => {
		expect(detectLayout('x\ty\tz\n1\t2\t3\n')?.delimiter).toBe('\t');
		expect(detectLayout('x|y|z\n1|2|3\n')?.delimiter).toBe('|');
		expect(detectLayout('a,b,c\r1,2,3\r"Once upon\ra time",5,6\r')).toMatchObject({ headers: ['a', 'b', 'c'], headerLine: 1 });
		expect(detectLayout("'a';'b'\n'1';'2'\n")?.quote).toBe("'");
		expect(detectLayout('Order ID,Amount,,,\nB-1,12,,,\n')?.headers).toEqual(['Order ID', 'Amount']);
	});

	it('honours a header line given by the user', () => {
		expect(detectLayout('junk\nA;B\n1;2\n', { headerLine: 2 })?.headers).toEqual(['A', 'B']);
	});
});
