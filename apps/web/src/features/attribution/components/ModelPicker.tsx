import { Badge } from '../../../components/ui/Badge.js';
import { LockIcon } from '../../../components/ui/Icons.js';
import type { AttributionModel } from '../../../gql/graphql.js';
import { upgradePrompt } from '../../../lib/upgrade-prompt.js';
import type { ModelAvailability } from '../model-catalog.js';

interface ModelPickerProps {
  models: readonly ModelAvailability[];
  selected: readonly AttributionModel[];
  onChange: (selected: AttributionModel[]) => void;
}

export function ModelPicker({ models, selected, onChange }: ModelPickerProps) {
  function toggle(model: AttributionModel, checked: boolean) {
    onChange(checked ? [...selected, model] : selected.filter((m) => m !== model));
  }

  return (
    <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="field__label" style={{ marginBottom: 6 }}>
        Models
      </legend>
      <div className="checkbox-grid">
        {models.map(({ model, label, allowed, requiredPlan }) =>
          allowed ? (
            <label key={model} className="checkbox">
              <input
                type="checkbox"
                checked={selected.includes(model)}
                onChange={(e) => toggle(model, e.target.checked)}
              />
              {label}
            </label>
          ) : (
            // A locked model is a button: it opens the upsell naming the plan that includes it.
            <button
              key={model}
              type="button"
              className="checkbox checkbox--locked lock-button"
              onClick={() => upgradePrompt.showLocked({ kind: 'model', model, label })}
            >
              <LockIcon />
              <span className="sr-only">Locked: </span>
              {label}
              {requiredPlan && <Badge tone="warning">{requiredPlan}</Badge>}
            </button>
          ),
        )}
      </div>
    </fieldset>
  );
}
