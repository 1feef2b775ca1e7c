export {
  describeMatches,
  findIdentifiableData,
  identifiableKinds,
  isValidNhsNumber,
  type IdentifiableKind,
  type IdentifiableMatch,
} from './identifiable-data.js';
