import { useCallback, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { Problem, Topology } from '../../core';
import { TopologyEditError } from '../../core/editing';
import { useAppStoreApi } from '../../store/StoreContext';

/** Why an edit was refused: the problems of its TopologyEditError, told in the reader's language when shown. */
export type Refusal = readonly Problem[];

/** Run one edit through the store's gate (one undo step); its refusal comes back instead of the lab changing. */
export type LabCommit = (label: string, recipe: (t: Topology) => Topology) => Refusal | null;

/**
 * The inspector's way into the store's one action gate: `edit(label, recipe)` with the default
 * history (a new undo step). A refusal (TopologyEditError) leaves the lab unchanged and is returned
 * to the field that asked, which shows it beside itself; the gate's own error line stays for the
 * refusals of other edits.
 */
export function useLabCommit(): LabCommit {
  const store = useAppStoreApi();
  return useCallback(
    (label, recipe) => {
      let refused: TopologyEditError | null = null;
      store.getState().edit(label, (t) => {
        try {
          return recipe(t);
        } catch (e) {
          if (!(e instanceof TopologyEditError)) throw e;
          refused = e;
          return t;
        }
      });
      return (refused as TopologyEditError | null)?.problems ?? null;
    },
    [store],
  );
}

/** A text field's edit in progress: what it shows, its refusal, and the handlers that commit or revert it. */
export interface Draft {
  /** The text shown: the user's while they edit (or after a refusal), else the lab's. */
  text: string;
  refusal: Refusal | null;
  /** Props for the `<input>`: Enter or leaving the field commits, Escape puts the lab's value back. */
  input: {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement>) => void;
    onBlur: () => void;
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
    'aria-invalid': true | undefined;
  };
  /** Set the text and commit it at once (a select's choice). */
  choose: (text: string) => void;
}

/**
 * A field bound to a lab value: typing only changes the field; Enter or blur commits (one undo step
 * per commit, never per keystroke); Escape reverts. A refused value stays in the field with its
 * refusal, and the lab is unchanged. Once committed (or reverted) the field shows the lab's value
 * again, so an undo elsewhere shows through.
 */
export function useDraft(value: string, commit: (text: string) => Refusal | null): Draft {
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const settle = useCallback(
    (text: string | null) => {
      if (text === null) return;
      if (text === value) {
        setDraft(null);
        setRefusal(null);
        return;
      }
      const r = commit(text);
      setRefusal(r);
      setDraft(r ? text : null);
    },
    [value, commit],
  );
  return {
    text: draft ?? value,
    refusal,
    input: {
      value: draft ?? value,
      onChange: (e) => setDraft(e.target.value),
      onBlur: () => settle(draft),
      onKeyDown: (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          settle(draft);
        } else if (e.key === 'Escape' && (draft !== null || refusal !== null)) {
          // Escape reverts the field; it does not also let the selection go.
          e.preventDefault();
          e.stopPropagation();
          setDraft(null);
          setRefusal(null);
        }
      },
      'aria-invalid': refusal ? true : undefined,
    },
    choose: (text) => {
      setDraft(text);
      settle(text);
    },
  };
}
