// Texts of Ajustes' goals panel (issue 16), Spanish and English.
const es = {
	title: 'Metas',
	intro: 'La meta de facturación de un mes para toda la cartera o para un ejecutivo, una línea, una región o una unidad de negocio; opcionalmente, metas de clientes nuevos, activados y presupuestos. También se cargan con un archivo de metas. La última meta guardada o cargada para un mes y ámbito es la que rige.',
	month: 'Mes',
	scope: 'Ámbito',
	scopes: {
		total: 'Toda la cartera',
		account_manager: 'Ejecutivo de cuenta',
		product_line: 'Línea de producto',
		region: 'Región',
		business_unit: 'Unidad de negocio'
	} as Record<string, string>,
	value: 'Ejecutivo, línea, región o unidad',
	revenue: 'Meta de facturación',
	newClients: 'Clientes nuevos (opcional)',
	activated: 'Clientes activados (opcional)',
	quotes: 'Presupuestos (opcional)',
	comment: 'Comentario (opcional)',
	save: 'Guardar meta',
	saved: 'Meta guardada.',
	none: 'Todavía no hay metas: cárguelas con un archivo de metas o agréguelas aquí.',
	tableTitle: 'Metas vigentes',
	source: 'Origen',
	sources: { file: 'Archivo', ajustes: 'Ajustes' } as Record<string, string>,
	by: 'Quién',
	when: 'Cuándo',
	newClientsCol: 'Clientes nuevos',
	activatedCol: 'Activados',
	quotesCol: 'Presupuestos',
	goalText: (revenue: string, counts: string[]) => [`Meta ${revenue}`, ...counts].join(' · '),
	countText: { new_clients_target: 'clientes nuevos', activated_target: 'activados', quotes_target: 'presupuestos' } as Record<string, string>,
	errors: {
		revenue_target: 'Escriba un importe de 0 o más, p. ej. 12.000,50.',
		effective_from: 'Elija el mes de la meta.',
		scope: 'Escriba el ejecutivo, la línea, la región o la unidad (hasta 200 caracteres).',
		new_clients_target: 'Un número entero de 0 o más.',
		activated_target: 'Un número entero de 0 o más.',
		quotes_target: 'Un número entero de 0 o más.'
	} as Record<string, string>
};

export const en: typeof es = {
	title: 'Goals',
	intro: 'A month’s revenue goal for the whole portfolio or for one account manager, product line, region or business unit; optionally, goals for new clients, activated clients and quotes. They also load from a goals file. The latest goal saved or loaded for a month and scope is the one in force.',
	month: 'Month',
	scope: 'Scope',
	scopes: {
		total: 'Whole portfolio',
		account_manager: 'Account manager',
		product_line: 'Product line',
		region: 'Region',
		business_unit: 'Business unit'
	},
	value: 'Manager, line, region or unit',
	revenue: 'Revenue goal',
	newClients: 'New clients (optional)',
	activated: 'Activated clients (optional)',
	quotes: 'Quotes (optional)',
	comment: 'Comment (optional)',
	save: 'Save goal',
	saved: 'Goal saved.',
	none: 'No goals yet: load them with a goals file or add them here.',
	tableTitle: 'Goals in force',
	source: 'Source',
	sources: { file: 'File', ajustes: 'Settings' },
	by: 'Who',
	when: 'When',
	newClientsCol: 'New clients',
	activatedCol: 'Activated',
	quotesCol: 'Quotes',
	goalText: (revenue: string, counts: string[]) => [`Goal ${revenue}`, ...counts].join(' · '),
	countText: { new_clients_target: 'new clients', activated_target: 'activated', quotes_target: 'quotes' },
	errors: {
		revenue_target: 'Type an amount of 0 or more, e.g. 12,000.50.',
		effective_from: 'Choose the goal’s month.',
		scope: 'Type the manager, line, region or unit (up to 200 characters).',
		new_clients_target: 'A whole number, 0 or more.',
		activated_target: 'A whole number, 0 or more.',
		quotes_target: 'A whole number, 0 or more.'
	}
};

export const goalMessages = { es, en: en as typeof es };
