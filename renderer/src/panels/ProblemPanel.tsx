import { useId, useState } from 'react';
import { COLORMAP_NAMES, type ColormapName } from '../../../shared/colormaps/colormap';
import { CATALOG_NAMES, catalogEntry, type CatalogName } from '../../../shared/functions/catalog';
import { useAppStore } from '../store/app-store';

const CUSTOM = '__expression__';

/** Which function to explore (catalog or a typed expression) and how to colour it. */
export function ProblemPanel() {
  const problem = useAppStore((state) => state.problem);
  const expressionError = useAppStore((state) => state.expressionError);
  const view = useAppStore((state) => state.view);
  const { chooseFunction, applyExpression, updateView } = useAppStore.getState();
  const [expression, setExpression] = useState('x^2 - y^2 + 0.1 x^4');
  const [custom, setCustom] = useState('expression' in problem);
  const ids = { fn: useId(), expr: useId(), cmap: useId(), scale: useId() };
  const selected = custom ? CUSTOM : 'function' in problem ? problem.function : CUSTOM;

  return (
    <fieldset>
      <legend>Problem</legend>
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
      {selected !== CUSTOM && 'function' in problem && <p className="formula">f = {catalogEntry(problem.function).formula}</p>}
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
      <div className="field">
        <label htmlFor={ids.cmap}>Colour map</label>
        <select id={ids.cmap} value={view.colormap} onChange={(event) => updateView({ colormap: event.target.value as ColormapName })}>
          {COLORMAP_NAMES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.scale}>Loss scale</label>
        <select id={ids.scale} value={view.scale} onChange={(event) => updateView({ scale: event.target.value as 'auto' | 'linear' | 'log' })}>
          <option value="auto">auto</option>
          <option value="linear">linear</option>
          <option value="log">log</option>
        </select>
      </div>
    </fieldset>
  );
}
