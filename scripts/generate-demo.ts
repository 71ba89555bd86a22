/**
 * Generates the Cartera demo data set: CRM/ERP CSV exports of a fictional Bolivian
 * B2B distributor ("Distribuidora Andina S.R.L."), formatted like Spanish-locale Excel.
 * Fully deterministic (seeded PRNG, fixed dates): two runs give byte-identical files.
 *
 * Run: npx tsx scripts/generate-demo.ts   -> writes data/demo/*.csv
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const OUT_DIR = new URL('../data/demo/', import.meta.url);

// ---------- deterministic randomness ----------
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20231101); // fixed seed: identical output on every run
const between = (lo: number, hi: number): number => lo + rand() * (hi - lo);
const intIn = (lo: number, hi: number): number => Math.floor(between(lo, hi + 1));
const chance = (p: number): boolean => rand() < p;
/** Checked index access (the project compiles with noUncheckedIndexedAccess). */
function at<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`index ${i} out of range`);
  return v;
}
const pick = <T>(items: readonly T[]): T => at(items, Math.floor(rand() * items.length));
const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const sum = (a: number[]): number => a.reduce((s, x) => s + x, 0);
function shuffled<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) { const j = intIn(0, i); [a[i], a[j]] = [at(a, j), at(a, i)]; }
  return a;
}

function weighted<K extends string>(table: Readonly<Record<K, number>>): K {
  const entries = Object.entries(table) as [K, number][];
  let r = rand() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) if ((r -= w) < 0) return key;
  return at(entries, entries.length - 1)[0];
}

/** Weighted sampler over a fixed list (cumulative weights + binary search). */
function sampler<T>(items: readonly T[], weight: (item: T) => number): () => T {
  const cum: number[] = [];
  let total = 0;
  for (const it of items) cum.push((total += weight(it)));
  return () => {
    const r = rand() * total;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (at(cum, mid) > r) hi = mid; else lo = mid + 1; }
    return at(items, lo);
  };
}

function poisson(lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0, p = rand();
  while (p > limit) { k++; p *= rand(); }
  return k;
}

// ---------- dates as UTC day numbers (no time zones, no "today") ----------
const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MONTHS = 36;
const SPAN_START = dayOf(2023, 11, 1);
const SPAN_END = dayOf(2026, 10, 31);
const monthStart = (i: number): number => dayOf(2023, 11 + i, 1); // Date.UTC rolls months over
function ymd(day: number): [number, number, number] {
  const dt = new Date(day * DAY_MS);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}
const fmtDate = (day: number): string => { const [y, m, d] = ymd(day); return `${pad(d)}/${pad(m)}/${y}`; };
const monthIndex = (day: number): number => { const [y, m] = ymd(day); return (y - 2023) * 12 + m - 11; };
const isSunday = (day: number): boolean => (day + 4) % 7 === 0; // 1970-01-01 was a Thursday
/** Moves a Sunday to Monday, or to Saturday when Monday would pass `max`. */
const businessDay = (day: number, max = SPAN_END): number => (!isSunday(day) ? day : day + 1 <= max ? day + 1 : day - 1);

// ---------- Spanish-locale CSV formatting ----------
function fmtMoney(cents: number): string {
  const abs = Math.abs(cents);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${cents < 0 ? '-' : ''}${int},${pad(abs % 100)}`;
}
const fmtProb = (p: number): string => p.toFixed(2).replace('.', ',');
const field = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (header: string, rows: string[][]): string =>
  [header, ...rows.map((r) => r.map(field).join(';'))].join('\r\n') + '\r\n';

// ---------- catalogue ----------
type ProductLine = 'Papelería' | 'Tóner e impresión' | 'Equipos de cómputo' | 'Mobiliario' | 'Limpieza industrial' | 'Servicios técnicos';
const BUSINESS_UNIT: Record<ProductLine, string> = {
  'Papelería': 'Suministros', 'Tóner e impresión': 'Suministros', 'Limpieza industrial': 'Suministros',
  'Equipos de cómputo': 'Equipamiento', 'Mobiliario': 'Equipamiento', 'Servicios técnicos': 'Servicios',
};
interface Product { code: string; desc: string; line: ProductLine; price: number; popularity: number }
const CATALOGUE: [string, ProductLine, number][] = [
  ['Resma papel bond carta 75 g', 'Papelería', 38.5], ['Resma papel bond oficio 75 g', 'Papelería', 42],
  ['Caja bolígrafos azul x 50', 'Papelería', 65], ['Archivador de palanca lomo ancho', 'Papelería', 18.5],
  ['Cuaderno universitario 100 hojas', 'Papelería', 12], ['Sobre manila oficio caja x 100', 'Papelería', 55],
  ['Grapadora metálica de escritorio', 'Papelería', 48], ['Cinta adhesiva transparente pack x 12', 'Papelería', 36],
  ['Marcador permanente caja x 12', 'Papelería', 42],
  ['Tóner HP 85A negro', 'Tóner e impresión', 520], ['Tóner HP 26A negro', 'Tóner e impresión', 780],
  ['Tóner Brother TN-1060', 'Tóner e impresión', 310], ['Tinta Epson T544 juego 4 colores', 'Tóner e impresión', 240],
  ['Tambor de imagen Brother DR-1060', 'Tóner e impresión', 450], ['Papel fotográfico A4 x 50', 'Tóner e impresión', 85],
  ['Laptop Core i5 16 GB', 'Equipos de cómputo', 6890], ['Computadora de escritorio Core i5', 'Equipos de cómputo', 5450],
  ['Monitor LED 24 pulgadas', 'Equipos de cómputo', 1150], ['Impresora multifuncional láser', 'Equipos de cómputo', 2650],
  ['Teclado y mouse inalámbrico', 'Equipos de cómputo', 185], ['Disco SSD 1 TB', 'Equipos de cómputo', 720],
  ['UPS 1500 VA', 'Equipos de cómputo', 1480], ['Proyector multimedia 3600 lúmenes', 'Equipos de cómputo', 3900],
  ['Silla ergonómica de oficina', 'Mobiliario', 980], ['Escritorio de melamina 1,40 m', 'Mobiliario', 1350],
  ['Estante metálico 5 niveles', 'Mobiliario', 620], ['Archivador metálico 4 gavetas', 'Mobiliario', 1890],
  ['Mesa de reuniones 8 personas', 'Mobiliario', 3400],
  ['Detergente industrial 20 L', 'Limpieza industrial', 185], ['Desinfectante amonio cuaternario 5 L', 'Limpieza industrial', 95],
  ['Papel higiénico industrial x 6 rollos', 'Limpieza industrial', 78], ['Toalla de papel interfoliada caja', 'Limpieza industrial', 120],
  ['Bolsas de basura industriales x 100', 'Limpieza industrial', 68], ['Guantes de nitrilo caja x 100', 'Limpieza industrial', 85],
  ['Kit de limpieza para equipos', 'Limpieza industrial', 55],
  ['Mantenimiento preventivo de impresoras', 'Servicios técnicos', 380], ['Soporte técnico mensual por equipo', 'Servicios técnicos', 150],
  ['Instalación de punto de red', 'Servicios técnicos', 320], ['Mantenimiento de equipos de cómputo', 'Servicios técnicos', 250],
  ['Servicio de impresión gestionada mensual', 'Servicios técnicos', 1800],
];
const PRODUCTS: Product[] = CATALOGUE.map(([desc, line, price], i) => ({
  code: `P-${pad(i + 1, 3)}`, desc, line, price, popularity: 0.3 + rand(),
}));
const LINES = Object.keys(BUSINESS_UNIT) as ProductLine[];
const productsOf = new Map(LINES.map((l) => {
  const ps = PRODUCTS.filter((p) => p.line === l);
  return [l, sampler(ps, (p) => p.popularity)] as const;
}));

// ---------- clients ----------
type Tipo = 'Distribuidor' | 'Mayorista' | 'Minorista' | 'Empresa' | 'Gobierno' | 'Particular';
type Sector = 'Minería' | 'Construcción' | 'Comercio' | 'Salud' | 'Educación' | 'Agroindustria' | 'Hidrocarburos' | 'Servicios';
interface Client {
  code: string; name: string; tipo: Tipo; tamano: string; sector: string; forma: string; region: string;
  estado: string; rep: string; alta: number; buyer: boolean; value: number; rate: number; meanLines: number;
  ticket: number; discount: number; prefs: () => ProductLine;
  startMonth: number; churnMonth: number; pause: [number, number] | null;
}
const N_CLIENTS = 1500;
const TIPO_FACTOR: Record<Tipo, number> = { Distribuidor: 3, Mayorista: 2.5, Gobierno: 2, Empresa: 1, Minorista: 0.6, Particular: 0.15 };
const REGION_W = { 'Santa Cruz': 34, 'La Paz': 26, 'Cochabamba': 18, 'Tarija': 5, 'Chuquisaca': 5, 'Oruro': 4, 'Potosí': 4, 'Beni': 3, 'Pando': 1 };
type Region = keyof typeof REGION_W;
const REPS: [string, Region[]][] = [
  ['María Fernanda Rojas', ['Santa Cruz']], ['Carlos Gutiérrez Vaca', ['Santa Cruz', 'Beni', 'Pando']],
  ['Verónica Suárez Áñez', ['Santa Cruz']], ['Jorge Antezana Ríos', ['La Paz']],
  ['Patricia Mendoza Flores', ['La Paz', 'Oruro']], ['Luis Alberto Choque', ['La Paz', 'Potosí']],
  ['Ana Lucía Céspedes', ['Cochabamba', 'Chuquisaca']], ['Diego Terrazas Lema', ['Cochabamba', 'Tarija']],
];
const TOWNS: Record<Region, string[]> = {
  'La Paz': ['La Paz', 'El Alto', 'Viacha', 'Achocalla', 'Caranavi', 'Copacabana'],
  'Santa Cruz': ['Santa Cruz de la Sierra', 'Montero', 'Warnes', 'Cotoca', 'La Guardia', 'Camiri', 'San Ignacio de Velasco'],
  'Cochabamba': ['Cochabamba', 'Quillacollo', 'Sacaba', 'Tiquipaya', 'Punata', 'Colcapirhua'],
  'Oruro': ['Oruro', 'Caracollo', 'Challapata', 'Huanuni'], 'Potosí': ['Potosí', 'Uyuni', 'Tupiza', 'Villazón', 'Llallagua'],
  'Chuquisaca': ['Sucre', 'Monteagudo', 'Camargo'], 'Tarija': ['Tarija', 'Yacuiba', 'Bermejo', 'Villamontes'],
  'Beni': ['Trinidad', 'Riberalta', 'Guayaramerín'], 'Pando': ['Cobija', 'Porvenir'],
};
const SURNAMES = ['Mamani', 'Quispe', 'Flores', 'Rodríguez', 'Vargas', 'Gutiérrez', 'Rojas', 'Choque', 'Condori', 'López',
  'Fernández', 'Pérez', 'Justiniano', 'Suárez', 'Áñez', 'Vaca', 'Ribera', 'Peña', 'Salvatierra', 'Montaño', 'Zeballos',
  'Torrico', 'Antezana', 'Arze', 'Guzmán', 'Medina', 'Terrazas', 'Ortiz', 'Gonzales', 'Aguilar', 'Saavedra', 'Villarroel',
  'Claure', 'Camacho', 'Barrientos', 'Lazarte', 'Ticona', 'Huanca', 'Apaza', 'Limachi', 'Chávez', 'Morales', 'Castro',
  'Soliz', 'Durán', 'Roca', 'Cuéllar', 'Velasco', 'Moreno', 'Ibáñez'];
const FIRST = ['Juan', 'José', 'María', 'Carlos', 'Luis', 'Ana', 'Rosa', 'Jorge', 'Marcelo', 'Gabriela', 'Wilma', 'Freddy',
  'Rubén', 'Sonia', 'Edwin', 'Patricia', 'Daniela', 'Álvaro', 'Mónica', 'Ramiro', 'René', 'Lidia', 'Germán', 'Silvia',
  'Víctor', 'Elena', 'Nelson', 'Carmen', 'Hugo', 'Beatriz'];
const PLACES = ['Illimani', 'Huayna Potosí', 'Sajama', 'Tunari', 'Tiahuanaco', 'Titicaca', 'Chiquitana', 'Guaraní', 'Amboró',
  'Pantanal', 'Mamoré', 'Pilcomayo', 'Andina', 'del Oriente', 'del Sur', 'Altiplano', 'Los Andes', 'Kantuta', 'Patujú',
  'Cordillera', 'Yungas', 'Valle Alto', 'Chaco', 'Piraí', 'Bolivia'];
const PREFIXES: Record<Sector, string[]> = {
  'Minería': ['Minera', 'Metalúrgica', 'Servicios Mineros'], 'Construcción': ['Constructora', 'Inmobiliaria', 'Ingeniería y Construcciones', 'Hormigones'],
  'Comercio': ['Comercial', 'Importadora', 'Ferretería', 'Librería', 'Supermercados'], 'Salud': ['Clínica', 'Farmacias', 'Laboratorios', 'Centro Médico'],
  'Educación': ['Unidad Educativa', 'Colegio', 'Instituto Técnico', 'Centro de Capacitación'],
  'Agroindustria': ['Agroindustrial', 'Ingenio Azucarero', 'Avícola', 'Agropecuaria', 'Lácteos'],
  'Hidrocarburos': ['Servicios Petroleros', 'Gas y Energía', 'Transporte de Combustibles'],
  'Servicios': ['Consultora', 'Servicios Generales', 'Logística', 'Transportes', 'Seguridad Integral'],
};
// Sector-specific product line affinities (why: cleaning for plants/clinics, paper for schools, ...)
const SECTOR_LINE: Record<Sector, ProductLine> = {
  'Minería': 'Limpieza industrial', 'Construcción': 'Mobiliario', 'Comercio': 'Papelería', 'Salud': 'Limpieza industrial',
  'Educación': 'Papelería', 'Agroindustria': 'Limpieza industrial', 'Hidrocarburos': 'Equipos de cómputo', 'Servicios': 'Tóner e impresión',
};
const SEASON = [0, 0.68, 0.74, 1.22, 1.0, 1.0, 0.94, 0.95, 1.0, 1.02, 1.06, 1.2, 1.28]; // by calendar month 1..12
const usedNames = new Set<string>();

function companyName(sector: Sector, forma: string, region: Region): string {
  const suffix = forma === 'S.A.' ? ' S.A.' : forma === 'S.R.L.' ? pick([' S.R.L.', ' S.R.L.', ' Ltda.']) : '';
  const [s1, s2] = [pick(SURNAMES), pick(SURNAMES)];
  if (forma === 'Sociedad colectiva') return chance(0.04) ? `${s1}, ${s2} y Cía.` : pick([`${s1} y Cía.`, `${s1} Hnos. y Cía.`, `${s1} ${s2} y Cía.`]);
  switch (intIn(0, 3)) {
    case 0: return `${pick(PREFIXES[sector])} ${pick(PLACES)}${suffix}`;
    case 1: return `${pick(PREFIXES[sector])} ${s1}${suffix}`;
    case 2: return `${pick(PREFIXES[sector])} ${pick(TOWNS[region])}${suffix}`;
    default: return forma === 'Unipersonal' ? `${pick(PREFIXES[sector])} ${pick(FIRST)} ${s1}` : `${s1} ${s2}${suffix}`;
  }
}
/** Public bodies: the name matches the sector (Salud, Educación or Servicios). */
function governmentName(region: Region, sector: Sector): string {
  const town = pick(TOWNS[region]);
  if (sector === 'Salud') return pick([`Servicio Departamental de Salud ${region}`, `Hospital Municipal de ${town}`, `Caja de Salud ${pick(PLACES)}`]);
  if (sector === 'Educación') return pick([`Dirección Distrital de Educación ${town}`, `Escuela Superior de Formación de Maestros ${town}`]);
  return pick([`Gobierno Autónomo Municipal de ${town}`, `Gobierno Autónomo Departamental de ${region}`, `Empresa Municipal de Aseo ${town}`]);
}
function uniqueName(make: () => string): string {
  for (let i = 0; ; i++) {
    const name = i < 40 ? make() : `${make()} ${i}`; // numbered fallback practically never needed
    if (!usedNames.has(name)) { usedNames.add(name); return name; }
  }
}

/** Fecha de alta: buyers mostly long-standing; prospects keep arriving during the 36 months. */
function altaDay(buyer: boolean): number {
  const early = chance(buyer ? 0.8 : 0.45);
  return early ? intIn(dayOf(2019, 1, 2), SPAN_START - 1) : intIn(SPAN_START, buyer ? dayOf(2026, 7, 31) : SPAN_END);
}

function makeClient(i: number): Client {
  const tipo = weighted<Tipo>({ Empresa: 40, Minorista: 20, Particular: 15, Mayorista: 10, Gobierno: 8, Distribuidor: 7 });
  const sector = tipo === 'Gobierno' ? weighted({ Servicios: 40, Salud: 35, Educación: 25 })
    : weighted<Sector>({ Comercio: 22, Servicios: 18, Construcción: 14, Minería: 10, Salud: 10, Educación: 10, Agroindustria: 9, Hidrocarburos: 7 });
  const region = weighted(REGION_W);
  const buyer = !chance(0.2);
  const value = Math.exp(1.25 * normal()) * TIPO_FACTOR[tipo];
  const sizeScore = value * Math.exp(0.35 * normal());
  const tamano = tipo === 'Particular' ? 'Micro' : sizeScore > 5 ? 'Gran empresa' : sizeScore > 1.6 ? 'Mediana'
    : sizeScore > 0.5 || tipo === 'Gobierno' ? 'Pequeña' : 'Micro';
  const forma = tipo === 'Particular' || tipo === 'Gobierno' ? ''
    : tamano === 'Gran empresa' ? weighted({ 'S.A.': 50, 'S.R.L.': 42, 'Sociedad colectiva': 5, 'Unipersonal': 3 })
      : weighted({ 'S.R.L.': 50, 'Unipersonal': 30, 'S.A.': 12, 'Sociedad colectiva': 8 });
  const name = uniqueName(() => tipo === 'Particular' ? `${pick(FIRST)} ${pick(SURNAMES)} ${pick(SURNAMES)}`
    : tipo === 'Gobierno' ? governmentName(region, sector) : companyName(sector, forma, region));
  const local = REPS.filter(([, rs]) => rs.includes(region));
  const rep = (chance(0.85) && local.length > 0 ? pick(local) : pick(REPS))[0];
  const alta = altaDay(buyer);

  // Buying behaviour: frequency grows sub-linearly with value, so big clients also have bigger tickets.
  const rate = clamp(value ** 0.55, 0.1, 15); // invoices per month
  const annual = 10_500 * value;
  const ticket = annual / (12 * rate);
  const meanLines = 1.6 + 2.2 * Math.min(1, value / 6);
  const r = rand();
  const lineCount = r < 0.3 ? 1 : r < 0.75 ? 2 : 3; // clients buy mostly from 1-3 product lines
  const first = chance(0.5) ? SECTOR_LINE[sector] : pick(LINES);
  const chosen = [first, ...shuffled(LINES.filter((l) => l !== first))].slice(0, lineCount);
  const linePick = sampler(chosen.map((l, k) => [l, k === 0 ? 0.6 : 0.4 / (chosen.length - 1)] as const), ([, w]) => w);
  const startMonth = Math.min(35, Math.max(0, monthIndex(alta) + intIn(1, 5)));
  // Big accounts churn and pause less often (why: keeps top-client revenue, and thus growth, stable).
  const churnMonth = chance(0.36 / (1 + value / 4)) ? startMonth + intIn(3, 48) : 99;
  const pauseStart = startMonth + intIn(2, 30);
  const pause: [number, number] | null = chance(0.2 / (1 + value / 4)) ? [pauseStart, pauseStart + intIn(3, 9)] : null;

  const churned = churnMonth < MONTHS;
  const estado = !buyer ? weighted({ Prospecto: 85, Inactivo: 10, Cerrado: 5 })
    : churned ? weighted({ Inactivo: 55, Cerrado: 30, Cliente: 15 }) : weighted({ Cliente: 93, Inactivo: 5, Prospecto: 2 });
  const blank = (v: string): string => (chance(0.03) ? '' : v);
  return {
    code: `CL-${pad(i + 1, 5)}`, name, tipo, tamano: blank(tamano), sector: blank(sector), forma: blank(forma),
    region: blank(region), estado, rep: blank(rep), alta, buyer, value, rate, meanLines, ticket,
    discount: clamp(0.02 * Math.log2(1 + value) + 0.02 * rand(), 0, 0.15),
    prefs: () => linePick()[0], startMonth, churnMonth, pause,
  };
}

// ---------- invoices and credit notes ----------
interface InvLine { product: Product; qty: number; price: number } // price in cents
interface Doc { kind: 'F' | 'NC'; day: number; client: Client; lines: InvLine[]; seq: number; number: string }
let docSeq = 0;

function unitPriceCents(p: Product, c: Client, day: number): number {
  const inflation = 1 + 0.045 * ((day - SPAN_START) / 365); // list prices drift up ~4.5 %/yr
  return Math.round(p.price * inflation * (1 - c.discount) * between(0.98, 1.02) * 10) * 10; // 10-centavo steps
}

function makeInvoice(c: Client, day: number): Doc {
  const k = clamp(1 + poisson(c.meanLines - 1), 1, 8);
  const lines: InvLine[] = [];
  for (let tries = 0; lines.length < k && tries < k * 3; tries++) {
    const product = productsOf.get(c.prefs())!();
    if (lines.some((l) => l.product === product)) continue; // one line per product
    const price = unitPriceCents(product, c, day);
    const qty = Math.max(1, Math.round((c.ticket * 100 / k / price) * Math.exp(0.45 * normal())));
    lines.push({ product, qty, price });
  }
  return { kind: 'F', day, client: c, lines, seq: docSeq++, number: '' };
}

/** A partial return of an earlier invoice: negative quantities, positive unit price. */
function makeCreditNote(inv: Doc): Doc | null {
  const day = businessDay(inv.day + intIn(2, 45));
  if (day > SPAN_END) return null;
  const lines = inv.lines.filter(() => chance(0.4)).slice(0, 2);
  if (lines.length === 0) lines.push(at(inv.lines, 0));
  const returned = lines.map((l) => ({ ...l, qty: -intIn(1, l.qty) }));
  return { kind: 'NC', day, client: inv.client, lines: returned, seq: docSeq++, number: '' };
}

function randomDayInMonth(i: number, notBefore: number): number {
  const lo = Math.max(monthStart(i), notBefore), hi = Math.min(monthStart(i + 1) - 1, SPAN_END);
  return businessDay(intIn(lo, hi), hi);
}

function clientDocs(c: Client): Doc[] {
  const docs: Doc[] = [];
  for (let i = c.startMonth; i < Math.min(c.churnMonth, MONTHS); i++) {
    if (c.pause && i >= c.pause[0] && i < c.pause[1]) continue;
    const growth = 1.045 ** (i / 12);
    const n = poisson(c.rate * at(SEASON, ((10 + i) % 12) + 1) * growth);
    for (let j = 0; j < n; j++) docs.push(makeInvoice(c, randomDayInMonth(i, c.alta + 1)));
  }
  if (docs.length === 0) docs.push(makeInvoice(c, randomDayInMonth(c.startMonth, c.alta + 1))); // a buyer buys at least once
  const notes = docs.filter(() => chance(0.015)).map(makeCreditNote).filter((d): d is Doc => d !== null);
  return [...docs, ...notes];
}

const byDayThenSeq = (a: { day: number; seq: number }, b: { day: number; seq: number }): number => a.day - b.day || a.seq - b.seq;
const docTotal = (d: Doc): number => d.lines.reduce((s, l) => s + l.qty * l.price, 0);

// ---------- opportunities ----------
type OppTipo = 'Lead' | 'Oportunidad' | 'Licitación' | 'Solicitud de cotización';
interface Opp { id: string; client: Client | null; tipo: OppTipo; line: ProductLine; rep: string; created: number;
  estimated: number; closed: number | null; amount: number; result: 'Ganada' | 'Perdida' | 'Abierta'; stage: number; seq: number }
const STAGES = ['Prospección', 'Calificación', 'Propuesta', 'Negociación', 'Cerrada ganada', 'Cerrada perdida'];
const STAGE_PROB = [0.1, 0.25, 0.5, 0.75, 1, 0];
const WIN_P: Record<OppTipo, number> = { Lead: 0.3, Oportunidad: 0.55, Licitación: 0.38, 'Solicitud de cotización': 0.5 };
const TYPE_SIZE: Record<OppTipo, number> = { Lead: 1, Oportunidad: 2.5, Licitación: 6, 'Solicitud de cotización': 1.2 };
const roundTo10Bob = (bob: number): number => Math.max(1, Math.round(bob / 10)) * 1000;

function makeOpps(clients: Client[], n: number): Opp[] {
  const buyerPick = sampler(clients.filter((c) => c.buyer), (c) => Math.sqrt(c.value));
  const prospectPick = sampler(clients.filter((c) => !c.buyer), () => 1);
  const govPick = sampler(clients.filter((c) => c.tipo === 'Gobierno'), () => 1);
  const opps: Opp[] = [];
  while (opps.length < n) {
    // Leads outnumber qualified opportunities about 1.6 to 1, so the demo's funnel narrows as a real one does.
    const tipo = weighted<OppTipo>({ Lead: 62, Oportunidad: 22, 'Solicitud de cotización': 10, Licitación: 6 });
    const client = tipo === 'Lead' ? (chance(0.1) ? null : chance(0.55) ? prospectPick() : buyerPick())
      : tipo === 'Licitación' && chance(0.7) ? govPick() : chance(0.85) ? buyerPick() : prospectPick();
    const lo = Math.max(SPAN_START, (client?.alta ?? 0) + 1);
    if (lo > SPAN_END - 3) continue; // client registered too late for any CRM activity
    const created = businessDay(lo + Math.floor((SPAN_END - lo) * rand() ** 0.85));
    const closeAfter = 5 + Math.floor(115 * rand() ** 1.6);
    const open = created + closeAfter > SPAN_END || chance(0.03);
    const canWin = client !== null && client.buyer; // never-buyers cannot have won deals
    const result = open ? 'Abierta' : canWin && chance(WIN_P[tipo]) ? 'Ganada' : 'Perdida';
    const age = SPAN_END - created;
    const openStage = Math.min(tipo === 'Lead' ? 1 : 3, Math.floor(age / 25 + rand() * 1.5));
    const base = client ? client.ticket * TYPE_SIZE[tipo] * Math.exp(0.3 + 0.7 * normal()) : between(1500, 40000);
    opps.push({
      id: '', client, tipo, rep: client && client.rep && chance(0.85) ? client.rep : pick(REPS)[0],
      line: client ? client.prefs() : pick(LINES), created, estimated: created + intIn(15, 90),
      closed: open ? null : created + closeAfter, amount: roundTo10Bob(base), result,
      stage: result === 'Ganada' ? 4 : result === 'Perdida' ? 5 : openStage, seq: opps.length,
    });
  }
  opps.sort((a, b) => a.created - b.created || a.seq - b.seq);
  return opps;
}

// ---------- go / no-go, last changes, validity ----------
// Drawn from a stream of their own, after everything else: the invoices, opportunities, quotes and
// forecast stay those the main stream gives.
const extra = mulberry32(20261204);
const xChance = (p: number): boolean => extra() < p;
function xWeighted<K extends string>(table: Readonly<Record<K, number>>): K {
  const entries = Object.entries(table) as [K, number][];
  let r = extra() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) if ((r -= w) < 0) return key;
  return at(entries, entries.length - 1)[0];
}
const NO_GO_REASONS = { 'Fuera de la zona de servicio': 25, 'Margen insuficiente': 25, 'Plazo de entrega inviable': 15,
  'Requisitos técnicos no cumplidos': 15, 'Cliente con deuda pendiente': 10, 'Capacidad comprometida': 10 };
/** Tenders are declined most often; leads are not yet decided (they qualify first). */
const NO_GO_P: Record<OppTipo, number> = { Lead: 0, Oportunidad: 0.22, Licitación: 0.45, 'Solicitud de cotización': 0.3 };
interface Decision { decision: '' | 'Go' | 'No go' | 'Pendiente'; reason: string; lastChange: number }

/** A record's decision after qualification: a lost one may have been declined instead (No go, Descartada). */
function decide(o: Opp): Decision {
  const noGo = o.result === 'Perdida' && xChance(NO_GO_P[o.tipo]);
  const decision = o.tipo === 'Lead' ? '' : noGo ? 'No go' : o.result === 'Abierta' && o.stage < 2 ? 'Pendiente' : 'Go';
  // Last change: the close (a few days after, at most the export's end); an open record was last
  // touched some time since it was created, so the oldest drift past the stale threshold.
  const lastChange = o.closed !== null ? Math.min(SPAN_END, o.closed + Math.floor(extra() * 4))
    : o.created + Math.floor((SPAN_END - o.created) * extra() ** 0.7);
  return { decision, reason: noGo ? xWeighted(NO_GO_REASONS) : '', lastChange };
}
/** Quotes hold 30 days, some 15 or 60. */
const validityDays = (): number => Number(xWeighted({ '30': 70, '15': 15, '60': 15 }));

// ---------- quotes ----------
type QuoteState = 'Borrador' | 'Enviado' | 'Aceptado' | 'Rechazado' | 'Vencido';
interface Quote { client: Client; day: number; amount: number; state: QuoteState; decision: number | null; opp: Opp | null; line: ProductLine; seq: number }

function linkedQuote(o: Opp & { client: Client }, seq: number): Quote {
  const end = o.closed ?? Math.min(SPAN_END, o.created + 60);
  const day = o.created + Math.floor(rand() * Math.max(1, end - o.created));
  const state: QuoteState = o.result === 'Ganada' ? (chance(0.85) ? 'Aceptado' : 'Rechazado')
    : o.result === 'Perdida' ? (chance(0.7) ? 'Rechazado' : 'Vencido') : chance(0.25) ? 'Borrador' : 'Enviado';
  const decision = state === 'Aceptado' || state === 'Rechazado' ? Math.max(day + 1, o.closed ?? day + 1) : null;
  return { client: o.client, day, amount: roundTo10Bob(o.amount / 100 * between(0.8, 1.1)), state, decision, opp: o, line: o.line, seq };
}

function freeQuote(c: Client, seq: number): Quote | null {
  const lo = Math.max(SPAN_START, c.alta + 1);
  if (lo > SPAN_END) return null;
  const day = businessDay(intIn(lo, SPAN_END));
  const decideAfter = intIn(2, 45);
  let state: QuoteState;
  if ((day > SPAN_END - 15 && chance(0.35)) || chance(0.02)) state = 'Borrador';
  else if (day + decideAfter > SPAN_END) state = 'Enviado';
  else if (c.buyer && chance(0.46)) state = 'Aceptado';
  else state = chance(0.6) ? 'Rechazado' : 'Vencido';
  const decision = state === 'Aceptado' || state === 'Rechazado' ? day + decideAfter : null;
  const amount = roundTo10Bob(c.ticket * Math.exp(0.2 + 0.6 * normal()));
  return { client: c, day, amount, state, decision, opp: null, line: c.prefs(), seq };
}

// ---------- output ----------
interface Written { name: string; rows: number; bytes: number }
function write(name: string, header: string, rows: string[][], encoding: 'utf8bom' | 'win1252'): Written {
  const text = toCsv(header, rows);
  let buf: Buffer;
  if (encoding === 'win1252') {
    buf = iconv.encode(text, 'win1252');
    if (iconv.decode(buf, 'win1252') !== text) throw new Error(`${name}: text not representable in Windows-1252`);
  } else buf = Buffer.from('\uFEFF' + text, 'utf8');
  writeFileSync(new URL(name, OUT_DIR), buf);
  return { name, rows: rows.length, bytes: buf.length };
}

/** Re-reads the written invoice files and sums Importe, as an end-to-end format check. */
function sumImporteFromFiles(names: string[]): number {
  let total = 0;
  for (const name of names) {
    const lines = readFileSync(new URL(name, OUT_DIR), 'utf8').replace(/^\uFEFF/, '').split('\r\n').slice(1);
    for (const l of lines) if (l) total += Number(at(l.split(';'), 7).replace(/\./g, '').replace(',', ''));
  }
  return total;
}

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const clients = Array.from({ length: N_CLIENTS }, (_, i) => makeClient(i));
  const docs = clients.filter((c) => c.buyer).flatMap(clientDocs).sort(byDayThenSeq);
  let nf = 0, nc = 0;
  for (const d of docs) d.number = d.kind === 'F' ? `F-${pad(++nf, 7)}` : `NC-${pad(++nc, 6)}`;

  const opps = makeOpps(clients, 4000);
  opps.forEach((o, i) => (o.id = `OP-${pad(i + 1, 5)}`));
  const linkable = opps.filter((o): o is Opp & { client: Client } => o.client !== null && o.tipo !== 'Lead');
  const quotePick = sampler(clients, (c) => (c.buyer ? Math.sqrt(c.value) : 0.6));
  const quotes: Quote[] = [];
  // Fewer quotes than opportunities: most quotes answer an opportunity or a quote request.
  while (quotes.length < 1600) {
    const q = chance(0.5) ? linkedQuote(pick(linkable), quotes.length) : freeQuote(quotePick(), quotes.length);
    if (q) quotes.push(q);
  }
  quotes.sort(byDayThenSeq);

  const written: Written[] = [];
  written.push(write('clientes.csv', 'Código cliente;Razón social;Tipo de cliente;Tamaño;Sector;Forma jurídica;Región;Estado CRM;Ejecutivo de cuenta;Fecha de alta',
    clients.map((c) => [c.code, c.name, c.tipo, c.tamano, c.sector, c.forma, c.region, c.estado, c.rep, fmtDate(c.alta)]), 'win1252'));
  written.push(write('productos.csv', 'Código producto;Descripción;Línea de producto;Unidad de negocio',
    PRODUCTS.map((p) => [p.code, p.desc, p.line, BUSINESS_UNIT[p.line]]), 'utf8bom'));

  const invoiceFiles: string[] = [];
  for (const year of [2023, 2024, 2025, 2026]) {
    const rows = docs.filter((d) => ymd(d.day)[0] === year).flatMap((d) => d.lines.map((l, i) => [
      d.number, String(i + 1), fmtDate(d.day), d.client.code, l.product.code, String(l.qty), fmtMoney(l.price),
      fmtMoney(l.qty * l.price), 'BOB', d.kind === 'F' ? 'Factura' : 'Nota de crédito']));
    invoiceFiles.push(`facturas_${year}.csv`);
    written.push(write(`facturas_${year}.csv`, 'Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento', rows, 'utf8bom'));
  }

  written.push(write('oportunidades.csv', 'ID oportunidad;Código cliente;Tipo;Etapa;Línea de producto;Responsable;Fecha de creación;Fecha estimada de cierre;Fecha de cierre;Importe;Probabilidad;Resultado;Motivo de pérdida;Decisión;Motivo no go;Última modificación',
    opps.map((o) => {
      // The loss reason is drawn for every lost record, declined or not, so the main stream stays as it was.
      const lossReason = o.result === 'Perdida' ? weighted({ Precio: 35, Competencia: 25, 'Sin presupuesto': 15, 'Sin respuesta': 15, 'Plazo de entrega': 10 }) : '';
      const d = decide(o);
      const declined = d.decision === 'No go';
      return [o.id, o.client?.code ?? '', o.tipo, declined ? 'Descartada' : at(STAGES, o.stage), o.line, o.rep, fmtDate(o.created), fmtDate(o.estimated),
        o.closed === null ? '' : fmtDate(o.closed), fmtMoney(o.amount), fmtProb(at(STAGE_PROB, o.stage)), declined ? 'Descartada' : o.result,
        declined ? '' : lossReason, d.decision, d.reason, fmtDate(d.lastChange)];
    }), 'utf8bom'));
  written.push(write('presupuestos.csv', 'Nº presupuesto;Código cliente;Fecha presupuesto;Importe (sin IVA);Estado;Fecha de decisión;ID oportunidad;Línea de producto;Válido hasta',
    quotes.map((q, i) => [`PR-${pad(i + 1, 5)}`, q.client.code, fmtDate(q.day), fmtMoney(q.amount), q.state,
      q.decision === null ? '' : fmtDate(q.decision), q.opp?.id ?? '', q.line, q.state === 'Borrador' ? '' : fmtDate(q.day + validityDays())]), 'utf8bom'));

  // Forecast: actuals with a noisy, slightly optimistic factor; then 3 months extrapolated by YoY trend.
  const monthly = new Array<number>(MONTHS).fill(0);
  for (const d of docs) monthly[monthIndex(d.day)] = at(monthly, monthIndex(d.day)) + docTotal(d);
  const trend = sum(monthly.slice(24)) / sum(monthly.slice(12, 24));
  const forecast = Array.from({ length: MONTHS + 3 }, (_, i) => i < MONTHS
    ? at(monthly, i) * clamp(1.03 + 0.05 * normal(), 0.85, 1.15)
    : at(monthly, i - 12) * trend * clamp(1.02 + 0.03 * normal(), 0.9, 1.1));
  written.push(write('pronostico.csv', 'Mes;Pronóstico', forecast.map((v, i) => {
    const [y, m] = ymd(monthStart(i));
    return [`${pad(m)}/${y}`, fmtMoney(Math.round(v))];
  }), 'utf8bom'));

  printSummary(written, clients, docs, opps, quotes, sumImporteFromFiles(invoiceFiles));
}

function printSummary(written: Written[], clients: Client[], docs: Doc[], opps: Opp[], quotes: Quote[], fileTotal: number): void {
  const bob = (cents: number): string => `${fmtMoney(cents)} BOB`;
  console.log('Archivo                    filas       bytes');
  for (const w of written) console.log(`${w.name.padEnd(24)} ${String(w.rows).padStart(7)} ${String(w.bytes).padStart(11)}`);
  console.log(`Total bytes: ${written.reduce((s, w) => s + w.bytes, 0)}`);
  const byYear = new Map<number, number>();
  const byClient = new Map<string, number>();
  for (const d of docs) {
    const t = docTotal(d);
    byYear.set(ymd(d.day)[0], (byYear.get(ymd(d.day)[0]) ?? 0) + t);
    byClient.set(d.client.code, (byClient.get(d.client.code) ?? 0) + t);
  }
  for (const [y, t] of byYear) console.log(`Ingresos netos ${y}: ${bob(t)}`);
  const growth = (a: number, b: number): string => `${((a / b - 1) * 100).toFixed(1)} %`;
  console.log(`Crecimiento 2025 vs 2024: ${growth(byYear.get(2025) ?? 0, byYear.get(2024) ?? 1)}`);
  const computed = docs.reduce((s, d) => s + docTotal(d), 0);
  console.log(`Suma Importe (archivos): ${bob(fileTotal)} | suma calculada: ${bob(computed)} | ${fileTotal === computed ? 'OK' : 'DIFERENCIA'}`);
  const revenues = [...byClient.values()].sort((a, b) => b - a);
  const top = sum(revenues.slice(0, Math.ceil(revenues.length * 0.2))) / sum(revenues);
  console.log(`Clientes sin compras: ${((1 - byClient.size / clients.length) * 100).toFixed(1)} % | top 20 % de compradores: ${(top * 100).toFixed(1)} % de ingresos`);
  console.log(`Documentos: ${docs.filter((d) => d.kind === 'F').length} facturas, ${docs.filter((d) => d.kind === 'NC').length} notas de crédito`);
  const closed = opps.filter((o) => o.result !== 'Abierta');
  console.log(`Oportunidades: tasa de éxito ${((closed.filter((o) => o.result === 'Ganada').length / closed.length) * 100).toFixed(1)} % de cerradas`);
  const sent = quotes.filter((q) => q.state !== 'Borrador');
  console.log(`Presupuestos: aceptados ${((sent.filter((q) => q.state === 'Aceptado').length / sent.length) * 100).toFixed(1)} % de no-borradores`);
}
main();
