/**
 * The time-zone names Runway accepts: this runtime's IANA zones as ICU lists
 * them, plus the current names of those ICU still lists under an older one
 * (Asia/Ho_Chi_Minh, not only Asia/Saigon) and UTC. One list serves the
 * check and the OpenAPI enum, so the two agree exactly.
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

const listed = Intl.supportedValuesOf('timeZone');

export const TIME_ZONES: readonly string[] = [...new Set([...listed, ...listed.flatMap((zone) => CURRENT_NAMES[zone] ?? []), 'UTC'])].sort();

const known = new Set(TIME_ZONES);
export const isTimeZone = (value: unknown): value is string => typeof value === 'string' && known.has(value);
