/** A site's <bindings>: protocol plus bindingInformation ("ip:port:host" for http, https and ftp). */
import type { ConfigurationElementCollection } from '../collection.js';
import { CollectionView, ElementView } from './element-view.js';

/** One site binding as IIS stores it (`<binding protocol="http" bindingInformation="*:80:" />`), as plain data. */
export interface BindingSpec {
  readonly protocol: string;
  readonly bindingInformation: string;
}

export class Binding extends ElementView {
  get protocol(): string {
    return this.getString('protocol');
  }
  set protocol(value: string) {
    this.set('protocol', value);
  }

  get bindingInformation(): string {
    return this.getString('bindingInformation');
  }
  set bindingInformation(value: string) {
    this.set('bindingInformation', value);
  }

  get sslFlags(): number {
    return this.getNumber('sslFlags');
  }
  set sslFlags(value: number) {
    this.set('sslFlags', value);
  }
}

export class BindingCollection extends CollectionView<Binding> {
  constructor(collection: ConfigurationElementCollection) {
    super(collection, (e) => new Binding(e));
  }

  /** The binding with this protocol and bindingInformation (together the key). */
  get(protocol: string, bindingInformation: string): Binding | undefined {
    return this.find({ protocol, bindingInformation });
  }

  /** Adds a binding; IIS's duplicate error if the pair is already there. */
  add(protocol: string, bindingInformation: string): Binding {
    return this.addItem({ protocol, bindingInformation });
  }
}
