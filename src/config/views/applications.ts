/**
 * Applications and virtual directories of a site, and their defaults (applicationDefaults,
 * virtualDirectoryDefaults), which carry the same settings minus the key.
 */
import type { ConfigurationElementCollection } from '../collection.js';
import { CollectionView, ElementView } from './element-view.js';
import type { AuthenticationLogonMethod } from './enums.js';

/** What an application and applicationDefaults both carry. */
export class ApplicationSettings extends ElementView {
  get applicationPool(): string {
    return this.getString('applicationPool');
  }
  set applicationPool(value: string) {
    this.set('applicationPool', value);
  }

  get enabledProtocols(): string {
    return this.getString('enabledProtocols');
  }
  set enabledProtocols(value: string) {
    this.set('enabledProtocols', value);
  }
}

export class Application extends ApplicationSettings {
  /** "/" for the root application of a site. */
  get path(): string {
    return this.getString('path');
  }
  set path(value: string) {
    this.set('path', value);
  }

  get virtualDirectories(): VirtualDirectoryCollection {
    return new VirtualDirectoryCollection(this.element.getCollection());
  }

  get virtualDirectoryDefaults(): VirtualDirectorySettings {
    return new VirtualDirectorySettings(this.element.getChildElement('virtualDirectoryDefaults'));
  }
}

export interface NewApplication {
  /** Gives the application its root virtual directory ("/") with this physical path. */
  readonly physicalPath?: string;
  readonly applicationPool?: string;
}

export class ApplicationCollection extends CollectionView<Application> {
  constructor(collection: ConfigurationElementCollection) {
    super(collection, (e) => new Application(e));
  }

  get(path: string): Application | undefined {
    return this.find({ path });
  }

  /** Adds an application, with its root virtual directory when a physical path is given. */
  add(path: string, options: NewApplication = {}): Application {
    const attributes: Record<string, string> = { path };
    if (options.applicationPool !== undefined) attributes['applicationPool'] = options.applicationPool;
    const app = this.addItem(attributes);
    if (options.physicalPath !== undefined) app.virtualDirectories.add('/', options.physicalPath);
    return app;
  }
}

/** What a virtual directory and virtualDirectoryDefaults both carry. */
export class VirtualDirectorySettings extends ElementView {
  /** As written (environment variables such as %SystemDrive% are not expanded). */
  get physicalPath(): string {
    return this.getString('physicalPath');
  }
  set physicalPath(value: string) {
    this.set('physicalPath', value);
  }

  get userName(): string {
    return this.getString('userName');
  }
  set userName(value: string) {
    this.set('userName', value);
  }

  get logonMethod(): AuthenticationLogonMethod {
    return this.getEnum('logonMethod');
  }
  set logonMethod(value: AuthenticationLogonMethod) {
    this.set('logonMethod', value);
  }

  get allowSubDirConfig(): boolean {
    return this.getBoolean('allowSubDirConfig');
  }
  set allowSubDirConfig(value: boolean) {
    this.set('allowSubDirConfig', value);
  }
}

export class VirtualDirectory extends VirtualDirectorySettings {
  get path(): string {
    return this.getString('path');
  }
  set path(value: string) {
    this.set('path', value);
  }
}

export class VirtualDirectoryCollection extends CollectionView<VirtualDirectory> {
  constructor(collection: ConfigurationElementCollection) {
    super(collection, (e) => new VirtualDirectory(e));
  }

  get(path: string): VirtualDirectory | undefined {
    return this.find({ path });
  }

  add(path: string, physicalPath: string): VirtualDirectory {
    return this.addItem({ path, physicalPath });
  }
}
