import { Badge } from '../../../components/ui/Badge.js';
import { LockIcon } from '../../../components/ui/Icons.js';
import type { AttributionModel } from '../../../gql/graphql.js';
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
        {models.map(({ model, label, allowed, requiredPlan }) => (
          <label
            key={model}
            className={allowed ? 'checkbox' : 'checkbox checkbox--locked'}
            title={allowed ? undefined : `Available on ${requiredPlan}`}
          >
            <input
              type="checkbox"
              disabled={!allowed}
              checked={allowed && selected.includes(model)}
              onChange={(e) => toggle(model, e.target.checked)}
            />
            {label}
            {!allowed && requiredPlan && (
              <Badge tone="warning">
                <LockIcon />
                {requiredPlan}
              </Badge>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
