package org.medledger.client.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = MedLedgerCommand.class.getPackage().getImplementationVersion();
    return new String[] {"medledger " + (version == null ? "development" : version),
        "Java " + System.getProperty("java.version")};
  }
}
