package io.tumbler.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "dev" when run from classes. */
final class TumblerVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Tumbler.class.getPackage().getImplementationVersion();
    return new String[] {"tumbler " + (version == null ? "dev" : version)};
  }
}
