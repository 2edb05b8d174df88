/** The sites section as MWA's SiteCollection, Site and SiteDefaults. */
import type { ConfigurationElementCollection } from '../collection.js';
import type { ConfigurationElement } from '../element.js';
import { copyElement } from '../element-copy.js';
import { ApplicationCollection, ApplicationSettings, VirtualDirectorySettings } from './applications.js';
import { BindingCollection, type BindingSpec } from './bindings.js';
import { CollectionView, ElementView } from './element-view.js';
import { FtpServer } from './ftp.js';

/** What a site and siteDefaults both carry. */
export class SiteSettings extends ElementView {
  get serverAutoStart(): boolean {
    return this.getBoolean('serverAutoStart');
  }
  set serverAutoStart(value: boolean) {
    this.set('serverAutoStart', value);
  }

  get bindings(): BindingCollection {
    return new BindingCollection(this.element.getCollection('bindings'));
  }

  get ftpServer(): FtpServer {
    return new FtpServer(this.element.getChildElement('ftpServer'));
  }
}

export class Site extends SiteSettings {
  get name(): string {
    return this.getString('name');
  }
  set name(value: string) {
    this.set('name', value);
  }

  get id(): number {
    return this.getNumber('id');
  }
  set id(value: number) {
    this.set('id', value);
  }

  get applications(): ApplicationCollection {
    return new ApplicationCollection(this.element.getCollection());
  }

  /** Defaults for this site's applications (over the section-level applicationDefaults). */
  get applicationDefaults(): ApplicationSettings {
    return new ApplicationSettings(this.element.getChildElement('applicationDefaults'));
  }

  get virtualDirectoryDefaults(): VirtualDirectorySettings {
    return new VirtualDirectorySettings(this.element.getChildElement('virtualDirectoryDefaults'));
  }
}

export interface NewSite {
  /** Default: the lowest id no site uses (nextId()). */
  readonly id?: number;
  /** Gives the site its root application "/" with a root virtual directory at this path. */
  readonly physicalPath?: string;
  /** The root application's pool (only with physicalPath or on its own). */
  readonly applicationPool?: string;
  readonly bindings?: readonly BindingSpec[];
}

export interface CopyOptions {
  /** A new name for the copy. */
  readonly name?: string;
  /** A new id; by default the source's id, or the next free one if another site has it. */
  readonly id?: number;
}

export interface SiteCopy {
  readonly site: Site;
  /** Write-policy notes, and what could not be copied (elements no schema describes). */
  readonly notes: readonly string[];
}

export class SiteCollection extends CollectionView<Site> {
  constructor(collection: ConfigurationElementCollection) {
    super(collection, (e) => new Site(e));
  }

  /** MWA's Sites["name"]; names compare case-insensitively, as IIS does. */
  get(name: string): Site | undefined {
    return this.find({ name });
  }

  getById(id: number): Site | undefined {
    return this.find({ id: String(id) });
  }

  /**
   * The lowest id no site uses, as appcmd's add site picks it (IIS reuses a deleted site's id).
   * One pass over the ids: 10,000 sites cost 10,000 reads.
   */
  nextId(): number {
    const used = new Set(this.items().map((s) => s.id));
    let id = 1;
    while (used.has(id)) id++;
    return id;
  }

  /**
   * Adds a site with its root application, virtual directory and bindings. It is built detached
   * first, so an invalid part leaves the collection untouched. Its name and its id must each be
   * new (IIS's duplicate error, 183).
   */
  add(name: string, options: NewSite = {}): Site {
    const draft = new Site(this.collection.createElement());
    draft.name = name;
    draft.id = options.id ?? this.nextId();
    if (options.physicalPath !== undefined || options.applicationPool !== undefined) {
      draft.applications.add('/', { physicalPath: options.physicalPath, applicationPool: options.applicationPool });
    }
    for (const b of options.bindings ?? []) draft.bindings.add(b.protocol, b.bindingInformation);
    return this.addItem(draft.element);
  }

  /**
   * Adds a copy of a site from any configuration (another file, for a migration): attributes,
   * applications, virtual directories, bindings, ftpServer… Values are validated again here. A
   * site of that name already here is IIS's duplicate error; a used id is replaced by nextId().
   */
  copyFrom(source: Site | ConfigurationElement, options: CopyOptions = {}): SiteCopy {
    const from = source instanceof Site ? source.element : source;
    const draft = new Site(this.collection.createElement());
    const notes = copyElement(from, draft.element);
    if (options.name !== undefined) draft.name = options.name;
    if (options.id !== undefined) draft.id = options.id;
    else if (this.getById(draft.id) !== undefined) draft.id = this.nextId();
    const added = this.addItemWithNotes(draft.element);
    return { site: added.item, notes: [...notes, ...added.notes] };
  }
}
