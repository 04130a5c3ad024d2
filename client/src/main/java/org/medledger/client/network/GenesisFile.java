package org.medledger.client.network;

import org.medledger.ledger.genesis.Genesis;

/** Reads and writes {@code genesis.json}. */
public final class GenesisFile {
  private GenesisFile() {}

  public static Genesis parse(String json) {
    return Json.read(json, Genesis.class, "genesis.json");
  }

  public static String write(Genesis genesis) {
    return Json.write(genesis);
  }
}
