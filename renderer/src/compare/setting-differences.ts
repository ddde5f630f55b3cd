import { initSchemeDefaults, type InitScheme } from '../../../shared/spec/network-spec';
import { optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';
import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import type { ProblemKind, RunSettings } from '../store/app-model';

type Options = Record<string, unknown>;
type FieldSchema = { safeParse: (value: unknown) => { success: boolean; data?: unknown } };

/** The options each member of a zod discriminated union fills in when they are left out (cached: the table redraws per frame). */
function unionDefaults(
  members: readonly { shape: Record<string, FieldSchema> }[],
  kindKey: string,
): (kind: string) => Options {
  const cache = new Map<string, Options>();
  return (kind) => {
    let defaults = cache.get(kind);
    if (!defaults) {
      const member = members.find(({ shape }) => shape[kindKey]!.safeParse(kind).success);
      defaults = Object.fromEntries(
        Object.entries(member?.shape ?? {}).flatMap(([field, schema]) => {
          const parsed = schema.safeParse(undefined);
          return parsed.success && parsed.data !== undefined ? [[field, parsed.data]] : [];
        }),
      );
      cache.set(kind, defaults);
    }
    return defaults;
  };
}

/** Settings whose kind (an optimizer's name, an init scheme) brings its own options and their defaults. */
const KINDED: Record<string, { kindKey: string; defaults: (kind: string) => Options }> = {
  optimizer: { kindKey: 'name', defaults: unionDefaults(optimizerSpecSchema.options, 'name') },
  schedule: { kindKey: 'name', defaults: unionDefaults(scheduleSpecSchema.options, 'name') },
  init: { kindKey: 'scheme', defaults: (scheme) => initSchemeDefaults(scheme as InitScheme) },
};

/** What a run of this kind of problem is set up with, absent settings written as what they mean. */
function comparedSettings(settings: RunSettings, kind: ProblemKind): Options {
  const { optimizer, schedule, clipNorm, steps, seed } = settings;
  const common = { optimizer, schedule: schedule ?? { name: 'constant' }, clipNorm: clipNorm ?? 'none', steps, seed };
  return kind === 'function'
    ? { ...common, start: settings.start, gradientNoise: settings.gradientNoise ?? 0 }
    : { ...common, init: settings.init, batchSize: settings.batchSize || 'full batch' };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const formatSetting = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map(formatSetting).join(', ')}]` : String(value);

/** Each distinct value once, in the order the runs show them. */
const distinct = (values: unknown[]): string[] => [...new Set(values.map(formatSetting))];

/** A kinded setting with the defaults of its kind filled in for the options left out. */
function withDefaults(key: string, entry: Options): Options {
  const { kindKey, defaults } = KINDED[key]!;
  const filled: Options = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
  for (const [field, value] of Object.entries(defaults(String(entry[kindKey])))) filled[field] ??= value;
  return filled;
}

/** The options of one kinded setting that differ between runs, each with its values: "optimizer.lr (0.1, 0.2)". */
function differingOptions(key: string, entries: Options[]): string[] {
  const fields = [...new Set(entries.flatMap(Object.keys))];
  return fields
    .filter((field) => entries.some((entry) => !same(entry[field], entries[0]![field])))
    .map((field) => `${key}.${field} (${distinct(entries.map((entry) => entry[field] ?? 'none')).join(', ')})`);
}

/**
 * A kinded setting whose kinds differ, as a person would say it: "optimizer (sgd, adam)", each kind
 * with those of its options that are not its defaults and not the same in every run
 * ("sgd momentum=0.9"), so what comes with a kind's defaults is not listed but no choice is hidden.
 */
function differingKinds(key: string, entries: Options[]): string {
  const { kindKey, defaults } = KINDED[key]!;
  const sharedByAll = (field: string) => entries.every((entry) => same(entry[field], entries[0]![field]));
  const labels = entries.map((entry) => {
    const kind = String(entry[kindKey]);
    const own = defaults(kind);
    const chosen = Object.entries(entry).filter(
      ([field, value]) => field !== kindKey && !same(value, own[field]) && !sharedByAll(field),
    );
    return [kind, ...chosen.map(([field, value]) => `${field}=${formatSetting(value)}`)].join(' ');
  });
  return `${key} (${distinct(labels).join(', ')})`;
}

/**
 * What differs between the runs' settings (their names aside), e.g. ["optimizer (sgd, adam)"] or
 * ["optimizer.lr (0.001, 0.002)", "seed (0, 1)"]; empty when the runs are set up alike.
 */
export function differingSettings(runs: RunSettings[], kind: ProblemKind): string[] {
  const compared = runs.map((settings) => comparedSettings(settings, kind));
  if (compared.length < 2) return [];
  return Object.keys(compared[0]!).flatMap((key) => {
    const kinded = KINDED[key];
    if (!kinded) {
      const values = compared.map((settings) => settings[key]);
      return values.every((value) => same(value, values[0])) ? [] : [`${key} (${distinct(values).join(', ')})`];
    }
    const entries = compared.map((settings) => withDefaults(key, settings[key] as Options));
    return entries.every((entry) => entry[kinded.kindKey] === entries[0]![kinded.kindKey])
      ? differingOptions(key, entries)
      : [differingKinds(key, entries)];
  });
}
