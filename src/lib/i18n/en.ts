// English texts; typed as Messages so a missing or extra key fails `npm run check`.
import type { Messages } from './es';

export const en: Messages = {
	app: {
		name: 'Cartera',
		skipToContent: 'Skip to content'
	},
	nav: {
		label: 'Sections',
		overview: 'Overview'
	},
	language: {
		label: 'Language',
		names: { es: 'Español', en: 'English' }
	},
	overview: {
		title: 'Overview',
		heading: 'Portfolio overview',
		asOf: (date) => `Figures as of ${date}`,
		kpisLabel: 'Key figures'
	},
	kpi: {
		revenue: 'Revenue',
		revenueHint: 'Complete months, compared with the same months a year earlier',
		changeVs: (period) => `vs. ${period}`,
		noComparison: 'No data from the year before to compare with',
		active: 'Active clients',
		activeHint: (days) => `Bought in the last ${days} days`,
		potential: 'Potential clients',
		potentialHint: 'In the client register, never bought',
		inactive: 'Inactive clients',
		inactiveHint: (days) => `Bought before, not in the last ${days} days`
	},
	chart: {
		title: 'Monthly revenue',
		ariaLabel: (from, to, currency) => `Bar chart of monthly revenue in ${currency}, from ${from} to ${to}`,
		inPeriod: 'Selected period',
		earlier: 'Earlier months',
		showData: 'Show the chart data',
		month: 'Month',
		revenue: (currency) => `Revenue (${currency})`
	},
	empty: {
		title: 'No invoices loaded yet',
		body: 'Once invoices are loaded, this page shows revenue and how the client base evolves.',
		loadFile: 'To load an invoice file, run this in the project folder:',
		ingestCommand: 'npm run ingest -- file.csv',
		tryDemo: 'Or, to try it with demo data:',
		demoCommand: 'npm run demo'
	}
};
