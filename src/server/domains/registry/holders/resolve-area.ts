import { areaByCode, parseUscc, resolveRegionFromAddress, resolveRegionFromUsccRegionCode } from '../../../../shared/validators';

export type AreaSource = 'uscc' | 'address' | 'manual' | 'outside' | 'unresolved';

export interface AreaGuess {
  areaCode: string | null;
  source: AreaSource;
}

const PROVINCE_OR_CITY = /(省|自治区|特别行政区|市|州|盟|县|区)/;

/**
 * A holder's county, district or zone: from the credit code's region (characters 3–8) first, else
 * from the address; a code or address elsewhere in China is 'outside'; nothing usable is
 * 'unresolved' (an officer assigns it by hand).
 */
export function guessArea(uscc: string | null, address: string | null): AreaGuess {
  if (uscc) {
    const parsed = parseUscc(uscc);
    if (parsed.ok) {
      const match = resolveRegionFromUsccRegionCode(parsed.regionCode);
      if (match && match.level !== 'city') {
        // Firms in a zone are registered by its host county: the address names the zone.
        const zone = address ? resolveRegionFromAddress(address) : null;
        if (zone?.level === 'zone' && areaByCode(zone.code)?.parent === match.code) return { areaCode: zone.code, source: 'address' };
        return { areaCode: match.code, source: 'uscc' };
      }
      if (!match && !parsed.regionCode.startsWith('4115')) return { areaCode: null, source: 'outside' };
    }
  }
  if (address && address.trim()) {
    const match = resolveRegionFromAddress(address);
    if (match && match.level !== 'city') return { areaCode: match.code, source: 'address' };
    if (!match && PROVINCE_OR_CITY.test(address)) return { areaCode: null, source: 'outside' };
  }
  return { areaCode: null, source: 'unresolved' };
}
