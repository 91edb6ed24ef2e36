import type { EntityFigure, PopulationFigure } from '../../app/api-types';
import { areasApi } from '../../app/endpoints';
import type { MessageKey } from '../../app/i18n';

/** What every yearly figure of an area has, whatever it counts. */
export interface YearFigure {
  year: number;
  source: string;
  isEstimate: boolean;
  note: string | null;
  updatedAt: string;
}

export interface FigureInput {
  value: number;
  source: string;
  isEstimate: boolean;
  note?: string;
}

/**
 * A kind of yearly figure that officers keep per area (resident population, market entities): its
 * number, its endpoints and its words. One modal and one table serve every kind.
 */
export interface FigureKind<F extends YearFigure> {
  id: 'population' | 'entities';
  value: (f: F) => number;
  max: number;
  save: (code: string, year: number, v: FigureInput) => Promise<unknown>;
  remove: (code: string, year: number) => Promise<unknown>;
  text: {
    add: MessageKey;
    addTitle: MessageKey;
    editTitle: MessageKey;
    value: MessageKey;
    unit: MessageKey;
    sourceHint: MessageKey;
    estimateHint: MessageKey;
    required: MessageKey;
    range: MessageKey;
    saved: MessageKey;
    deleted: MessageKey;
    deleteConfirm: MessageKey;
    none: MessageKey;
    noneEdit: MessageKey;
    footnote: MessageKey;
    footnoteLive: MessageKey;
  };
}

const rest = (v: FigureInput) => ({ source: v.source, isEstimate: v.isEstimate, ...(v.note ? { note: v.note } : {}) });

export const POPULATION: FigureKind<PopulationFigure> = {
  id: 'population',
  value: (f) => f.population,
  max: 20_000_000,
  save: (code, year, v) => areasApi.saveFigure(code, year, { population: v.value, ...rest(v) }),
  remove: (code, year) => areasApi.deleteFigure(code, year),
  text: {
    add: 'pop.add',
    addTitle: 'pop.addTitle',
    editTitle: 'pop.editTitle',
    value: 'pop.population',
    unit: 'pop.people',
    sourceHint: 'pop.sourceHint',
    estimateHint: 'pop.estimateCheckboxHint',
    required: 'pop.populationRequired',
    range: 'pop.populationRange',
    saved: 'pop.saved',
    deleted: 'pop.deleted',
    deleteConfirm: 'pop.deleteConfirm',
    none: 'areas.noFigures',
    noneEdit: 'areas.noFiguresEdit',
    footnote: 'pop.footnote',
    footnoteLive: 'pop.footnoteLive',
  },
};

export const MARKET_ENTITIES: FigureKind<EntityFigure> = {
  id: 'entities',
  value: (f) => f.entities,
  max: 10_000_000,
  save: (code, year, v) => areasApi.saveEntities(code, year, { entities: v.value, ...rest(v) }),
  remove: (code, year) => areasApi.deleteEntities(code, year),
  text: {
    add: 'ent.add',
    addTitle: 'ent.addTitle',
    editTitle: 'ent.editTitle',
    value: 'ent.entities',
    unit: 'ent.unit',
    sourceHint: 'ent.sourceHint',
    estimateHint: 'ent.estimateCheckboxHint',
    required: 'ent.required',
    range: 'ent.range',
    saved: 'ent.saved',
    deleted: 'ent.deleted',
    deleteConfirm: 'ent.deleteConfirm',
    none: 'ent.none',
    noneEdit: 'ent.noneEdit',
    footnote: 'ent.footnote',
    footnoteLive: 'ent.footnoteLive',
  },
};
