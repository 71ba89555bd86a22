// Texts of Activación's activation variants and four sales events (SalesPanels.svelte), Spanish and English.
const es = {
	variants: {
		title: 'Activación por volumen y frecuencia',
		subtitle: (asOf: string) => `Clientes del registro activos al ${asOf} por cada criterio de compra en la ventana de actividad`,
		criterion: 'Criterio',
		setting: 'Ajuste',
		active: 'Activos',
		rate: 'Tasa',
		amount: 'Por volumen',
		frequency: 'Por frecuencia',
		both: 'Por ambos (tasa de activación)',
		amountSetting: (amount: string) => `importe ≥ ${amount}`,
		frequencySetting: (n: string) => `facturas ≥ ${n}`,
		bothSetting: (amount: string, n: string) => `importe ≥ ${amount} y facturas ≥ ${n}`,
		activatedBy: {
			invoice: 'Un prospecto cuenta como activado con su primera compra (factura).',
			formalised: 'Un prospecto cuenta como activado con su primera compra, oportunidad ganada o presupuesto aceptado, lo que ocurra antes.'
		}
	},
	events: {
		title: 'Los cuatro eventos de venta',
		subtitle: (period: string, previous: string) => `${period}; mayor volumen frente a ${previous}`,
		event: 'Evento',
		clients: 'Clientes',
		amount: 'Importe',
		repeat: 'Recompra',
		expansion: 'Mayor volumen',
		cross_sell: 'Venta cruzada (línea nueva)',
		first_purchase: 'Primera compra',
		amountNote:
			'Importe: facturación del período de esos clientes; en mayor volumen, su aumento frente al período de comparación; en venta cruzada, la facturación de las líneas nuevas para cada cliente.'
	}
};

const en: typeof es = {
	variants: {
		title: 'Activation by volume and frequency',
		subtitle: (asOf: string) => `Register clients active on ${asOf} by each purchase criterion in the activity window`,
		criterion: 'Criterion',
		setting: 'Setting',
		active: 'Active',
		rate: 'Rate',
		amount: 'By volume',
		frequency: 'By frequency',
		both: 'By both (activation rate)',
		amountSetting: (amount) => `amount ≥ ${amount}`,
		frequencySetting: (n) => `invoices ≥ ${n}`,
		bothSetting: (amount, n) => `amount ≥ ${amount} and invoices ≥ ${n}`,
		activatedBy: {
			invoice: 'A prospect counts as activated by its first purchase (invoice).',
			formalised: 'A prospect counts as activated by its first purchase, won opportunity or accepted quote, whichever comes first.'
		}
	},
	events: {
		title: 'The four sales events',
		subtitle: (period, previous) => `${period}; higher volume against ${previous}`,
		event: 'Event',
		clients: 'Clients',
		amount: 'Amount',
		repeat: 'Repeat purchase',
		expansion: 'Higher volume',
		cross_sell: 'Cross-sell (new product line)',
		first_purchase: 'First purchase',
		amountNote:
			'Amount: those clients’ revenue in the period; for higher volume, their increase over the comparison period; for cross-sell, the revenue of the product lines new to each client.'
	}
};

export const salesMessages = { es, en };
