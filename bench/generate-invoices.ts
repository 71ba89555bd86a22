// A large invoice export as Spanish-locale ERPs write it: `;`, decimal comma with `.` grouping,
// dd/mm/yyyy, CRLF, UTF-8 with BOM. Deterministic (seeded), so runs compare.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** 123456 cents → "1.234,56" */
export function spanishMoney(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const whole = Math.floor(abs / 100)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * `chronological`: each invoice's month follows its place in the file, as an ERP exports them (the
 * day within the month stays random); else every invoice gets a random month and year, the worst
 * case for DuckDB, which then cannot skip blocks of lines by date. The other draws are the same.
 */
export async function generateInvoices(path: string, lines: number, clients = 20_000, years = 3, chronological = false): Promise<{ lines: number; totalCents: number }> {
	const random = mulberry32(20261128);
	const out = createWriteStream(path);
	out.write('\uFEFFNº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento\r\n');
	let written = 0;
	let invoice = 0;
	let totalCents = 0;
	let chunk: string[] = [];
	while (written < lines) {
		invoice++;
		const day = 1 + Math.floor(random() * 28);
		const month = 1 + Math.floor(random() * 12);
		// The years up to 2025 (2023–2025 by default): the same draws for any number of them.
		const year = 2026 - years + Math.floor(random() * years);
		const ordinal = Math.min(years * 12 - 1, Math.floor((written / lines) * years * 12));
		const [m, y] = chronological ? [1 + (ordinal % 12), 2026 - years + Math.floor(ordinal / 12)] : [month, year];
		const date = `${String(day).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
		const client = `CL-${String(1 + Math.floor(clients * random() ** 2)).padStart(5, '0')}`;
		const credit = random() < 0.015;
		const count = 1 + Math.floor(random() * 6);
		for (let line = 1; line <= count && written < lines; line++, written++) {
			const quantity = (credit ? -1 : 1) * (1 + Math.floor(random() * 50));
			const price = 100 + Math.floor(random() * 500_000);
			const amount = quantity * price;
			totalCents += amount;
			const product = `P-${String(1 + Math.floor(random() * 40)).padStart(3, '0')}`;
			chunk.push(
				`${credit ? 'NC' : 'F'}-${String(invoice).padStart(7, '0')};${line};${date};${client};${product};${quantity};${spanishMoney(price)};${spanishMoney(amount)};BOB;${credit ? 'Nota de crédito' : 'Factura'}\r\n`
			);
		}
		if (chunk.length >= 10_000) {
			if (!out.write(chunk.join(''))) await once(out, 'drain');
			chunk = [];
		}
	}
	out.write(chunk.join(''));
	out.end();
	await once(out, 'finish');
	return { lines: written, totalCents };
}
