// Texts of the goals scorecard on the Ranking page (issue 16), Spanish and English.
const es = {
	title: 'Cumplimiento de metas',
	fromOverview: 'Cumplimiento de metas por ejecutivo de cuenta',
	intro: (dim: string) => `${dim} por cumplimiento de su meta de facturación en su último mes con meta, del mejor al peor; el acumulado del año suma los meses con meta.`,
	tableTitle: (dim: string) => `Cumplimiento de metas por ${dim.toLowerCase()}`,
	month: 'Mes',
	goal: 'Meta',
	actual: 'Real',
	attainment: 'Cumplimiento',
	status: 'Estado',
	goalYtd: 'Meta del año',
	actualYtd: 'Real del año',
	attainmentYtd: 'Cumplimiento del año',
	statusYtd: 'Estado del año',
	partial: 'mes en curso',
	none: 'No hay metas para este período. Cárguelas con un archivo de metas o agréguelas en Ajustes.',
	bands: (a: string, o: string, r: string) => `Aprobado desde ${a}; observado por debajo de ${o}; rechazado por debajo de ${r} (Ajustes).`
};

export const en: typeof es = {
	title: 'Goal attainment',
	fromOverview: 'Goal attainment by account manager',
	intro: (dim) => `${dim} by attainment of their revenue goal in their latest month with a goal, best first; the year to date adds up the months with a goal.`,
	tableTitle: (dim) => `Goal attainment by ${dim.toLowerCase()}`,
	month: 'Month',
	goal: 'Goal',
	actual: 'Actual',
	attainment: 'Attainment',
	status: 'Status',
	goalYtd: 'Goal, year to date',
	actualYtd: 'Actual, year to date',
	attainmentYtd: 'Attainment, year to date',
	statusYtd: 'Status, year to date',
	partial: 'month in progress',
	none: 'No goals for this period. Load them with a goals file or add them in Settings.',
	bands: (a, o, r) => `Approved from ${a}; observed below ${o}; rejected below ${r} (Settings).`
};

export const scorecardMessages = { es, en: en as typeof es };
