// The journey a lab opens with lives in the store (opening a kept lab needs it); the app's imports stay.
export { SEED_SPEC, defaultSpec } from '../store/defaultSpec';
