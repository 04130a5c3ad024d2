package org.medledger.client.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports for tests that need several consecutive ones (commands that number ports from a base). */
final class FreePorts {
  private FreePorts() {}

  /** The first of {@code count} consecutive ports that are all free now. */
  static int range(int count) {
    for (int attempt = 0; attempt < 100; attempt++) {
      // below Linux's ephemeral range (32768 and up), where outgoing connections take their ports
      int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      if (allFree(base, count)) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports found");
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
