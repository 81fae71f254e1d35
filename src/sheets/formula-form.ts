// Which argument separator the formulas the add-on writes use in this spreadsheet:
// ',' unless Check this installation found that Google evaluates only the ';' form
// here. Kept in the document's properties (not a team setting: a fact about Google).
import { parseSeparator, type Separator } from '../core/formulas';

const FORMULA_SEPARATOR_PROPERTY = 'IRT_FORMULA_SEPARATOR';

export function formulaSeparator(): Separator {
  return parseSeparator(PropertiesService.getDocumentProperties().getProperty(FORMULA_SEPARATOR_PROPERTY));
}

export function saveFormulaSeparator(separator: Separator): void {
  const properties = PropertiesService.getDocumentProperties();
  if (separator === ',') properties.deleteProperty(FORMULA_SEPARATOR_PROPERTY);
  else properties.setProperty(FORMULA_SEPARATOR_PROPERTY, separator);
}
