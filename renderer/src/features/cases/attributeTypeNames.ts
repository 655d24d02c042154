// The attribute types as the user reads them in menus and column headers.
import type { AttributeType } from '../../../../shared/model/cases';

export const ATTRIBUTE_TYPE_NAMES: Readonly<Record<AttributeType, string>> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes/no',
  category: 'Category',
};
