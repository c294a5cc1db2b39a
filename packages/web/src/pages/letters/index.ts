// Letters (the therapist's letters about a client; the admin's letterhead and templates): one lazily
// loaded chunk, with its own stylesheet (a file, as the CSP requires).
import '../../styles/letters.css';

export { LettersPage } from './LettersPage';
export { LetterPage } from './LetterPage';
export { LetterheadPage } from './LetterheadPage';
export { LetterTemplatesPage } from './LetterTemplatesPage';
