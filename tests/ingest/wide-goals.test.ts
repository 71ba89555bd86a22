// Month headers of goals written one column per month (src/lib/server/ingest/wide-goals.ts).
import { describe, expect, it } from 'vitest';
import { monthHeader, wideGoalColumns } from '../../src/lib/server/ingest/wide-goals';

describe('wide goals', () => {
	it('reads a month from the headers spreadsheets write', () => {
		const cases: [string, string | null][] = [
			['ene 2026', '2026-01'], ['Enero 2026', '2026-01'], ['Sept. 2026', '2026-09'], ['dic-26', '2026-12'], ['Feb 2026', '2026-02'],
			['agosto de 2026', '2026-08'], ['2026-01', '2026-01'], ['2026/11', '2026-11'], ['03/2026', '2026-03'],
			['Meta', null], ['2026-13', null], ['Comercial', null], ['ene', null]
		];
		for (const [header, month] of cases) expect([header, monthHeader(header)]).toEqual([header, month]);
	});

	it('takes a file as wide only with two months or more and a goal’s scope beside them', () => {
		expect(wideGoalColumns(['Comercial', 'ene 2026', 'feb 2026'])).toEqual({ months: [{ index: 1, month: '2026-01' }, { index: 2, month: '2026-02' }], others: [0] });
		expect(wideGoalColumns(['Comercial', 'ene 2026'])).toBeNull();
		expect(wideGoalColumns(['Cliente', 'ene 2026', 'feb 2026'])).toBeNull();
		expect(wideGoalColumns(['Mes', 'Ejecutivo', 'Meta'])).toBeNull();
	});
});
