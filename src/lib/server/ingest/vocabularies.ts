// Status vocabularies of real exports (Salesforce, HubSpot, Odoo, Dolibarr, vtiger, Spanish ERPs),
// normalised to the model's values. Terms are compared after normalizeKey(); attribute values
// (client type, region…) are never translated, only these four domains.
import { normalizeKey } from './text';

export type Domain = 'outcome' | 'quote_status' | 'doc_type' | 'opportunity_kind';

const TERMS: Record<Domain, Record<string, string[]>> = {
	outcome: {
		won: ['won', 'closed won', 'closedwon', 'ganada', 'ganado', 'cerrada ganada', 'cerrado ganado', 'cierre ganado', 'vendido', 'vendida', 'exito'],
		lost: ['lost', 'closed lost', 'closedlost', 'perdida', 'perdido', 'cerrada perdida', 'cerrado perdido', 'cierre perdido', 'no firmado', 'descartada', 'descartado'],
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
		draft: ['draft', 'borrador', 'quotation'],
		sent: ['sent', 'enviado', 'enviada', 'quotation sent', 'validado', 'validada', 'abierto', 'abierta', 'pendiente', 'open', 'emitido', 'emitida'],
		accepted: ['accepted', 'aceptado', 'aceptada', 'aprobado', 'aprobada', 'firmado', 'firmada', 'firmado a facturar', 'facturado', 'facturada', 'sale', 'sales order', 'done', 'locked', 'won', 'ganado', 'ganada'],
		rejected: ['rejected', 'rechazado', 'rechazada', 'no firmado', 'no firmado cerrado', 'lost', 'perdido', 'perdida', 'cancel', 'cancelled', 'canceled', 'cancelado', 'cancelada', 'anulado', 'anulada'],
		expired: ['expired', 'vencido', 'vencida', 'caducado', 'caducada', 'expirado', 'expirada']
	},
	doc_type: {
		invoice: ['invoice', 'factura', 'out invoice', 'boleta', 'ticket', 'fv', 'factura de venta', 'nota de debito', 'debit note'],
		credit_note: ['credit note', 'credit memo', 'nota de credito', 'nota credito', 'nc', 'abono', 'factura rectificativa', 'rectificativa', 'out refund', 'refund', 'devolucion']
	},
	opportunity_kind: {
		lead: ['lead', 'prospecto', 'cliente potencial'],
		opportunity: ['opportunity', 'oportunidad', 'deal', 'negocio'],
		tender: ['tender', 'licitacion', 'concurso', 'rfp'],
		quote_request: ['quote request', 'solicitud de cotizacion', 'solicitud de presupuesto', 'rfq', 'pedido de cotizacion']
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
