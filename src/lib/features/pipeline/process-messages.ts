// Texts of Embudo's commercial-process sections (issue 15): entry kinds, go / no-go, open and
// weighted pipeline, ageing, stale opportunities, quotes past validity, loss reasons.
const es = {
	none: '(sin dato)',
	kinds: { lead: 'Leads (prospectos)', opportunity: 'Oportunidades', tender: 'Licitaciones', quote_request: 'Solicitudes de presupuesto' } as Record<string, string>,
	allKinds: 'Todos los tipos',
	entry: {
		heading: 'Embudo por tipo de entrada',
		title: 'Creados, decididos «go» y ganados, por tipo de entrada',
		subtitle: 'Registros creados en el período; «go» incluye los ofertados sin decisión escrita (ganados o perdidos)',
		aria: (from: string, to: string) => `Barras por tipo de entrada: creados, decididos go y ganados, de ${from} a ${to}`,
		steps: { created: 'Creados', go: 'Decididos «go»', won: 'Ganados' },
		kind: 'Tipo de entrada',
		step: 'Paso',
		count: 'Registros',
		cols: { created: 'Creados', go: 'Go', noGo: 'No go', pending: 'Pendientes', won: 'Ganados', lost: 'Perdidos', open: 'Abiertos',
			createdAmount: 'Importe creado', wonAmount: 'Importe ganado', conversion: 'Conversión (ganados / creados)', winRate: 'Tasa de cierre', noGoRate: 'Tasa de no go' }
	},
	decision: {
		heading: 'Go / No go',
		noGoRate: 'Tasa de no go',
		noGoRateHint: 'No go / (go + no go), registros creados en el período',
		decided: 'Decididos',
		decidedHint: 'Registros decididos go o no go, creados en el período',
		title: 'Motivos de no go',
		subtitle: 'Importe de los registros descartados (no ofertados), por motivo',
		aria: (from: string, to: string) => `Barras del importe descartado por motivo de no go, de ${from} a ${to}`,
		reason: 'Motivo',
		count: 'Registros',
		amount: 'Importe',
		empty: 'Ningún registro del período fue decidido no go. El motivo se lee de la columna «Motivo no go» o «Justificación» de la exportación.'
	},
	open: {
		heading: 'Cartera abierta y ponderada',
		total: 'Cartera abierta',
		totalHint: 'Importe de las oportunidades abiertas a la fecha de corte (sin leads)',
		weighted: 'Cartera ponderada',
		weightedHint: 'Σ importe × probabilidad (la de la etapa cuando el registro no tiene)',
		count: 'Oportunidades abiertas',
		countHint: 'Oportunidades abiertas a la fecha de corte',
		age: 'Antigüedad media',
		ageHint: 'Días desde la creación hasta la fecha de corte, media',
		days: (n: string) => `${n} días`,
		monthTitle: 'Cartera abierta y ponderada por mes de cierre previsto',
		monthSubtitle: (currency: string) => `Importe en ${currency}; la barra interior es la cartera ponderada`,
		monthAria: (asOf: string) => `Barras de la cartera abierta y ponderada por mes de cierre previsto, al ${asOf}`,
		unit: 'Importe',
		month: 'Mes de cierre previsto',
		noMonth: '(sin fecha prevista)',
		stageTitle: 'Cartera abierta por etapa, con su antigüedad',
		stageSubtitle: (currency: string) => `Importe en ${currency}; la barra interior es la cartera ponderada`,
		stageAria: (asOf: string) => `Barras de la cartera abierta y ponderada por etapa, al ${asOf}`,
		cols: { stage: 'Etapa', probability: 'Probabilidad de la etapa', count: 'Oportunidades', amount: 'Importe', weighted: 'Ponderado',
			meanAge: 'Antigüedad media (días)', maxAge: 'Antigüedad máxima (días)', sinceChange: 'Días desde el último cambio (media)' },
		empty: 'No hay oportunidades abiertas a la fecha de corte.'
	},
	stale: {
		heading: (days: number) => `Oportunidades estancadas (sin cambios en ${days} días o más)`,
		summary: (n: string, total: string) => `${n} oportunidades, ${total}`,
		more: (shown: string) => `Se muestran los ${shown} primeros.`,
		cols: { id: 'Oportunidad', client: 'Cliente', stage: 'Etapa', owner: 'Responsable', created: 'Creada', lastChange: 'Último cambio',
			amount: 'Importe', idle: 'Días sin cambios', age: 'Antigüedad (días)' },
		empty: 'Ninguna oportunidad abierta está estancada.'
	},
	validity: {
		heading: 'Presupuestos enviados con la validez vencida',
		summary: (n: string, total: string) => `${n} presupuestos, ${total}`,
		cols: { id: 'Presupuesto', client: 'Cliente', issued: 'Emitido', validUntil: 'Válido hasta', amount: 'Importe', daysPast: 'Días vencido' },
		empty: 'Ningún presupuesto enviado tiene la validez vencida (o la exportación no trae la fecha de validez).'
	},
	loss: {
		heading: 'Motivos de pérdida',
		title: 'Importe perdido por motivo',
		subtitle: (currency: string) => `Oportunidades perdidas y cerradas en el período, importe en ${currency}`,
		aria: (from: string, to: string) => `Barras del importe perdido por motivo, de ${from} a ${to}`,
		reason: 'Motivo',
		count: 'Registros',
		amount: 'Importe',
		group: { month: 'Mes', owner: 'Responsable', product_line: 'Línea de producto' } as Record<string, string>,
		byTitle: { month: 'Motivos de pérdida por mes', owner: 'Motivos de pérdida por responsable', product_line: 'Motivos de pérdida por línea de producto' } as Record<string, string>,
		empty: 'No hay oportunidades perdidas en el período.'
	}
};

export const en: typeof es = {
	none: '(no value)',
	kinds: { lead: 'Leads', opportunity: 'Opportunities', tender: 'Tenders', quote_request: 'Quote requests' },
	allKinds: 'All kinds',
	entry: {
		heading: 'Funnel by entry kind',
		title: 'Created, decided “go” and won, by entry kind',
		subtitle: 'Records created in the period; “go” includes those bid on without a written decision (won or lost)',
		aria: (from, to) => `Bars per entry kind: created, decided go and won, ${from} to ${to}`,
		steps: { created: 'Created', go: 'Decided “go”', won: 'Won' },
		kind: 'Entry kind',
		step: 'Step',
		count: 'Records',
		cols: { created: 'Created', go: 'Go', noGo: 'No go', pending: 'Pending', won: 'Won', lost: 'Lost', open: 'Open',
			createdAmount: 'Amount created', wonAmount: 'Amount won', conversion: 'Conversion (won / created)', winRate: 'Win rate', noGoRate: 'No-go rate' }
	},
	decision: {
		heading: 'Go / No go',
		noGoRate: 'No-go rate',
		noGoRateHint: 'No go / (go + no go), records created in the period',
		decided: 'Decided',
		decidedHint: 'Records decided go or no go, created in the period',
		title: 'No-go reasons',
		subtitle: 'Amount of the records declined (not bid on), by reason',
		aria: (from, to) => `Bars of the amount declined by no-go reason, ${from} to ${to}`,
		reason: 'Reason',
		count: 'Records',
		amount: 'Amount',
		empty: 'No record of the period was decided no go. The reason is read from the export’s “No go reason” or “Justification” column.'
	},
	open: {
		heading: 'Open and weighted pipeline',
		total: 'Open pipeline',
		totalHint: 'Amount of the opportunities open at the cut-off date (leads excluded)',
		weighted: 'Weighted pipeline',
		weightedHint: 'Σ amount × probability (the stage’s when the record has none)',
		count: 'Open opportunities',
		countHint: 'Opportunities open at the cut-off date',
		age: 'Mean age',
		ageHint: 'Days from creation to the cut-off date, mean',
		days: (n) => `${n} days`,
		monthTitle: 'Open and weighted pipeline by expected close month',
		monthSubtitle: (currency) => `Amount in ${currency}; the inner bar is the weighted pipeline`,
		monthAria: (asOf) => `Bars of the open and weighted pipeline by expected close month, as of ${asOf}`,
		unit: 'Amount',
		month: 'Expected close month',
		noMonth: '(no expected date)',
		stageTitle: 'Open pipeline by stage, with its age',
		stageSubtitle: (currency) => `Amount in ${currency}; the inner bar is the weighted pipeline`,
		stageAria: (asOf) => `Bars of the open and weighted pipeline by stage, as of ${asOf}`,
		cols: { stage: 'Stage', probability: 'Stage probability', count: 'Opportunities', amount: 'Amount', weighted: 'Weighted',
			meanAge: 'Mean age (days)', maxAge: 'Maximum age (days)', sinceChange: 'Days since last change (mean)' },
		empty: 'No opportunity is open at the cut-off date.'
	},
	stale: {
		heading: (days) => `Stale opportunities (no change in ${days} days or more)`,
		summary: (n, total) => `${n} opportunities, ${total}`,
		more: (shown) => `The first ${shown} are shown.`,
		cols: { id: 'Opportunity', client: 'Client', stage: 'Stage', owner: 'Owner', created: 'Created', lastChange: 'Last change',
			amount: 'Amount', idle: 'Days without change', age: 'Age (days)' },
		empty: 'No open opportunity is stale.'
	},
	validity: {
		heading: 'Sent quotes past their validity',
		summary: (n, total) => `${n} quotes, ${total}`,
		cols: { id: 'Quote', client: 'Client', issued: 'Issued', validUntil: 'Valid until', amount: 'Amount', daysPast: 'Days past' },
		empty: 'No sent quote is past its validity (or the export has no validity date).'
	},
	loss: {
		heading: 'Loss reasons',
		title: 'Amount lost by reason',
		subtitle: (currency) => `Opportunities lost and closed in the period, amount in ${currency}`,
		aria: (from, to) => `Bars of the amount lost by reason, ${from} to ${to}`,
		reason: 'Reason',
		count: 'Records',
		amount: 'Amount',
		group: { month: 'Month', owner: 'Owner', product_line: 'Product line' },
		byTitle: { month: 'Loss reasons by month', owner: 'Loss reasons by owner', product_line: 'Loss reasons by product line' },
		empty: 'No opportunity was lost in the period.'
	}
};

export const processMessages = { es, en };
