import { useId, useState } from 'react';
import { COLORMAP_NAMES } from '../../../shared/colormaps/colormap';
import { CATALOG_NAMES, catalogEntry, type CatalogName } from '../../../shared/functions/catalog';
import { NetworkProblemFields } from '../network/NetworkProblemFields';
import { useAppStore } from '../store/app-store';
import type { ProblemKind } from '../store/app-model';
import { SelectField } from './SelectField';

const CUSTOM = '__expression__';
const PROBLEM_KINDS: readonly ProblemKind[] = ['function', 'network'];
const SCALES = ['auto', 'linear', 'log'] as const;

/** A catalog function or a typed expression. */
function FunctionProblemFields() {
  const problem = useAppStore((state) => state.problem);
  const expressionError = useAppStore((state) => state.expressionError);
  const { chooseFunction, applyExpression } = useAppStore.getState();
  const [expression, setExpression] = useState('x^2 - y^2 + 0.1 x^4');
  const [custom, setCustom] = useState('expression' in problem);
  const ids = { fn: useId(), expr: useId() };
  const selected = custom ? CUSTOM : 'function' in problem ? problem.function : CUSTOM;
  return (
    <>
      <div className="field">
        <label htmlFor={ids.fn}>Function</label>
        <select
          id={ids.fn}
          value={selected}
          onChange={(event) => {
            if (event.target.value === CUSTOM) {
              setCustom(true);
              return;
            }
            setCustom(false);
            chooseFunction(event.target.value as CatalogName);
          }}
        >
          {CATALOG_NAMES.map((name) => (
            <option key={name} value={name}>
              {catalogEntry(name).label}
            </option>
          ))}
          <option value={CUSTOM}>Custom expression…</option>
        </select>
      </div>
      {selected !== CUSTOM && 'function' in problem && (
        <p className="formula">f = {catalogEntry(problem.function).formula}</p>
      )}
      {custom && (
        <form
          className="expression"
          onSubmit={(event) => {
            event.preventDefault();
            applyExpression(expression);
          }}
        >
          <label htmlFor={ids.expr}>f(x, y) =</label>
          <input
            id={ids.expr}
            value={expression}
            spellCheck={false}
            aria-invalid={expressionError ? true : undefined}
            aria-describedby={expressionError ? `${ids.expr}-error` : undefined}
            onChange={(event) => setExpression(event.target.value)}
          />
          <button type="submit">Plot</button>
          {expressionError && (
            <p className="error" id={`${ids.expr}-error`} role="alert">
              {expressionError}
            </p>
          )}
        </form>
      )}
    </>
  );
}

/** What to explore — a function of two parameters or a network on a dataset — and how to colour it. */
export function ProblemPanel() {
  const kind = useAppStore((state) => state.kind);
  const view = useAppStore((state) => state.view);
  const { setKind, updateView } = useAppStore.getState();
  return (
    <fieldset>
      <legend>Problem</legend>
      <SelectField
        label="Kind"
        value={kind}
        options={PROBLEM_KINDS}
        describe={(k) => (k === 'function' ? 'Function of (x, y)' : 'Neural network')}
        onChange={setKind}
      />
      {kind === 'network' ? <NetworkProblemFields /> : <FunctionProblemFields />}
      {kind === 'function' && (
        <>
          <SelectField
            label="Colour map"
            value={view.colormap}
            options={COLORMAP_NAMES}
            onChange={(colormap) => updateView({ colormap })}
          />
          <SelectField
            label="Loss scale"
            value={view.scale}
            options={SCALES}
            onChange={(scale) => updateView({ scale })}
          />
        </>
      )}
    </fieldset>
  );
}
