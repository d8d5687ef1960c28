import type { Bilingual } from './events';

/**
 * A problem with what the user asked for (a journey's source, destination or a number out of
 * range), in both languages. `message` is the English text, so it still reads well where only an
 * Error is expected (the trace command, logs).
 */
export class JourneyError extends Error {
  readonly text: Bilingual;

  constructor(text: Bilingual) {
    super(text.en);
    this.name = 'JourneyError';
    this.text = text;
  }
}
