import { useState } from 'react';
import type { Category } from '@judgehub/model';
import { CategoryEditor } from './CategoryEditor.js';
import type { SetupContext } from './SetupApp.js';
import { newCategory, type CategoryDraft } from './rubricDraft.js';

/** Categories (add, rename, order) and, for the one chosen, its rubric and scoring rules. */
export function RubricPanel(context: SetupContext) {
  const { event, save } = context;
  const [selected, setSelected] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, CategoryDraft>>({});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const categories = event.categories;
  const current = categories.find((c) => c.id === selected) ?? categories[0] ?? null;

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Give the category a name.');
    const category = newCategory(
      name,
      new Set(categories.map((c) => c.id)),
      Math.max(0, ...categories.map((c) => c.order)) + 1,
    );
    const result = save({ categories: [category] }, `Category ${category.name} added`);
    if (!result.ok) return setError(result.problems.join('; '));
    setError(null);
    setName('');
    setSelected(category.id);
  };

  const move = (category: Category, by: -1 | 1) => {
    const list = [...categories];
    const i = list.findIndex((c) => c.id === category.id);
    const j = i + by;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j]!, list[i]!];
    // Orders are renumbered 1…n, so equal orders from older edits never leave a tie.
    const changed = list.flatMap((c, k) => (c.order === k + 1 ? [] : [{ ...c, order: k + 1 }]));
    save({ categories: changed }, `${category.name} moved ${by < 0 ? 'up' : 'down'}`);
  };

  return (
    <div className="setup-panel setup-rubrics">
      <aside className="panel setup-categories" aria-labelledby="categories-title">
        <h2 id="categories-title">Categories</h2>
        {categories.length === 0 && (
          <p className="hint">No categories yet. Add the first one below.</p>
        )}
        <ol className="setup-category-list">
          {categories.map((c, i) => (
            <li key={c.id} className="setup-category-row">
              <button
                type="button"
                className={`btn setup-category ${current?.id === c.id ? 'setup-category-on' : ''}`}
                aria-current={current?.id === c.id ? 'true' : undefined}
                onClick={() => setSelected(c.id)}
              >
                {c.name}
                <span className="setup-count">
                  {c.criteria.length} {c.criteria.length === 1 ? 'criterion' : 'criteria'}
                </span>
              </button>
              <button
                type="button"
                className="btn btn-ghost setup-small"
                aria-label={`Move ${c.name} up`}
                disabled={i === 0}
                onClick={() => move(c, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn-ghost setup-small"
                aria-label={`Move ${c.name} down`}
                disabled={i === categories.length - 1}
                onClick={() => move(c, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        <form className="stack-form" onSubmit={add}>
          <label htmlFor="new-category">New category</label>
          <input
            id="new-category"
            className="setup-input"
            value={name}
            placeholder="e.g. Robot Design"
            onChange={(e) => setName(e.target.value)}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button className="btn btn-primary" type="submit">
            Add category
          </button>
        </form>
      </aside>
      {current ? (
        <CategoryEditor
          key={current.id}
          {...context}
          category={current}
          draft={drafts[current.id] ?? null}
          onDraft={(d) =>
            setDrafts((all) => {
              const next = { ...all };
              if (d) next[current.id] = d;
              else delete next[current.id];
              return next;
            })
          }
        />
      ) : (
        <section className="panel">
          <p className="lead">
            A category is what teams compete in (e.g. <em>Robot Design</em>), with its own rubric
            and scoring rules. Add one to start.
          </p>
        </section>
      )}
    </div>
  );
}
