import { useEffect, useMemo } from 'react';
import { CNI_STORY_IDS, isCniStoryId } from '../../core/presets/cniStoryIds';
import { SCENARIO_INDEX } from '../../core/presets/scenarioIndex';
import { findScenario, withScenarios } from '../../store/presets';
import { selectLabEdited } from '../../store/slices/editSlice';
import { sameJourney } from '../../store/specDraft';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';
import { groupScenarios } from './scenarioGroups';
import { OPENING_SCENARIO, useScenarioTitles } from './useScenarioTitles';

/**
 * Every kernel-verified scenario, grouped by what it shows, one click (or a few keys) away: a native
 * `<select>` with an `<optgroup>` per group, each option the scenario's one-line title. Choosing one
 * loads its lab and journey at the first event. It shows the scenario the journey on screen is (so
 * the seed journey shows as the first ping), or "Your own journey" once a field changed it; choosing
 * the scenario again then brings it back. It lists the scenarios' index (lab names and journeys, no
 * labs) with the titles in the page's language; the catalogue with the labs loads when one is chosen.
 * The titles load when the pointer or the focus first reaches the list (a few milliseconds, before
 * it can open); until then the scenario on screen shows its title from what is here (the opening
 * scenario's in the interface's texts, a linked scenario's in the catalogue its link loaded), and
 * the others their journey.
 */
export function ScenarioPicker() {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const topology = useAppStore((s) => s.topology);
  const spec = useAppStore((s) => s.result?.spec);
  // An edited lab is the user's own, even when its name and journey are still a scenario's.
  const edited = useAppStore(selectLabEdited);
  const loadScenario = useAppStore((s) => s.loadScenario);
  const storyId = useAppStore((s) => s.cni?.story.id ?? null);
  const openCniStory = useAppStore((s) => s.openCniStory);
  const closeCniStory = useAppStore((s) => s.closeCniStory);
  const groups = useMemo(() => groupScenarios(SCENARIO_INDEX), []);
  // In the page's language, loaded on the list's first use (core/presets/scenarioTitles.ts).
  const { titles, want } = useScenarioTitles(lang);
  const titleOf = (id: string): string | undefined => titles?.[id] ?? (id === OPENING_SCENARIO ? t.form.openingScenario : findScenario(id)?.title[lang]);
  const current = spec && !edited ? SCENARIO_INDEX.find((s) => s.lab === topology.name && sameJourney(s.journey, spec)) : undefined;
  const currentTitle = current && titleOf(current.id);
  // A scenario on screen whose title only the titles' file holds (a link's journey, a lab reopened): fetched at once.
  useEffect(() => {
    if (current && currentTitle === undefined) want();
  }, [current, currentTitle, want]);
  const value = storyId ?? current?.id ?? '';
  return (
    <label className="scenario-pick">
      <span className="scenario-pick-row">
        <span>{t.form.scenario}</span>
        <select
          value={value}
          // The whole title on hover, since a narrow header cuts the shown one short.
          title={storyId !== null && isCniStoryId(storyId) ? t.cni.titles[storyId] : current ? currentTitle : t.form.scenarioHelp}
          onPointerEnter={want}
          onFocus={want}
          onChange={(e) => {
            const id = e.target.value;
            if (isCniStoryId(id)) void openCniStory(id);
            else if (id !== '') {
              closeCniStory();
              // The labs come with the catalogue, fetched on the first choice (store/presets.ts).
              withScenarios(() => loadScenario(id));
            }
          }}
          data-testid="scenario"
        >
          <option value="">{t.form.scenarioNone}</option>
          {/* CNI operations are stories of their own (the plugins at work), not packet journeys: a group of their own, before the journeys'. */}
          <optgroup label={t.cni.group}>
            {CNI_STORY_IDS.map((id) => (
              <option key={id} value={id}>
                {t.cni.titles[id]}
              </option>
            ))}
          </optgroup>
          {groups.map((g) => (
            <optgroup key={g.key} label={t.form.groups[g.key]}>
              {g.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {titleOf(s.id) ?? `${s.journey.from} → ${s.journey.to}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </span>
    </label>
  );
}
