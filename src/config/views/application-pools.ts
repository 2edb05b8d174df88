/** The applicationPools section as MWA's ApplicationPoolCollection, ApplicationPool and defaults. */
import type { ConfigurationElementCollection } from '../collection.js';
import { CollectionView, ElementView } from './element-view.js';
import type { ManagedPipelineMode, ProcessModelIdentityType, StartMode } from './enums.js';

/** What a pool and applicationPoolDefaults both carry. */
export class ApplicationPoolSettings extends ElementView {
  /** "" for No Managed Code, "v4.0", "v2.0". */
  get managedRuntimeVersion(): string {
    return this.getString('managedRuntimeVersion');
  }
  set managedRuntimeVersion(value: string) {
    this.set('managedRuntimeVersion', value);
  }

  get managedPipelineMode(): ManagedPipelineMode {
    return this.getEnum('managedPipelineMode');
  }
  set managedPipelineMode(value: ManagedPipelineMode) {
    this.set('managedPipelineMode', value);
  }

  get autoStart(): boolean {
    return this.getBoolean('autoStart');
  }
  set autoStart(value: boolean) {
    this.set('autoStart', value);
  }

  get startMode(): StartMode {
    return this.getEnum('startMode');
  }
  set startMode(value: StartMode) {
    this.set('startMode', value);
  }

  get enable32BitAppOnWin64(): boolean {
    return this.getBoolean('enable32BitAppOnWin64');
  }
  set enable32BitAppOnWin64(value: boolean) {
    this.set('enable32BitAppOnWin64', value);
  }

  get queueLength(): number {
    return this.getNumber('queueLength');
  }
  set queueLength(value: number) {
    this.set('queueLength', value);
  }

  get processModel(): ProcessModel {
    return new ProcessModel(this.element.getChildElement('processModel'));
  }
}

export class ApplicationPool extends ApplicationPoolSettings {
  get name(): string {
    return this.getString('name');
  }
  set name(value: string) {
    this.set('name', value);
  }
}

/** processModel: the worker process identity and idle settings. */
export class ProcessModel extends ElementView {
  get identityType(): ProcessModelIdentityType {
    return this.getEnum('identityType');
  }
  set identityType(value: ProcessModelIdentityType) {
    this.set('identityType', value);
  }

  get userName(): string {
    return this.getString('userName');
  }
  set userName(value: string) {
    this.set('userName', value);
  }

  get loadUserProfile(): boolean {
    return this.getBoolean('loadUserProfile');
  }
  set loadUserProfile(value: boolean) {
    this.set('loadUserProfile', value);
  }

  get maxProcesses(): number {
    return this.getNumber('maxProcesses');
  }
  set maxProcesses(value: number) {
    this.set('maxProcesses', value);
  }

  /** As IIS writes it ("00:20:00"); see idleTimeoutMs for a number. */
  get idleTimeout(): string {
    return this.getString('idleTimeout');
  }
  set idleTimeout(value: string) {
    this.set('idleTimeout', value);
  }

  get idleTimeoutMs(): number {
    return this.getTimeSpanMs('idleTimeout');
  }
  set idleTimeoutMs(value: number) {
    this.setTimeSpanMs('idleTimeout', value);
  }
}

export interface NewApplicationPool {
  readonly managedRuntimeVersion?: string;
  readonly managedPipelineMode?: ManagedPipelineMode;
}

export class ApplicationPoolCollection extends CollectionView<ApplicationPool> {
  constructor(collection: ConfigurationElementCollection) {
    super(collection, (e) => new ApplicationPool(e));
  }

  get(name: string): ApplicationPool | undefined {
    return this.find({ name });
  }

  add(name: string, options: NewApplicationPool = {}): ApplicationPool {
    const attributes: Record<string, string> = { name };
    if (options.managedRuntimeVersion !== undefined) attributes['managedRuntimeVersion'] = options.managedRuntimeVersion;
    if (options.managedPipelineMode !== undefined) attributes['managedPipelineMode'] = options.managedPipelineMode;
    return this.addItem(attributes);
  }
}
