import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElementCollection } from '../config/collection.js';
import type { ConfigurationElement } from '../config/element.js';
import type { AppObject, ObjectType } from './app-object.js';
import { objectNotFound } from './object-errors.js';

/** The top-level objects of one section's collection, named by their `name` key (SITE, APPPOOL). */
export interface NamedObjects {
  collection(config: Configuration): ConfigurationElementCollection;
  list(config: Configuration): AppObject[];
  /** The object named `name` (case-insensitive, as IIS matches names), or appcmd's 1168. */
  find(config: Configuration, name: string): AppObject;
}

export function namedObjects(type: ObjectType, sectionPath: string, toObject: (item: ConfigurationElement) => AppObject): NamedObjects {
  const collection = (config: Configuration): ConfigurationElementCollection => config.getSection(sectionPath).getCollection();
  return {
    collection,
    list: (config) => collection(config).items().map(toObject),
    find(config, name) {
      const items = collection(config);
      const item = items.find({ name });
      if (item === undefined) throw objectNotFound(type, name, items.items().map((i) => i.getAttribute('name').text));
      return toObject(item);
    },
  };
}
