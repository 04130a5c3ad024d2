package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.client.network.DemoIdentities;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.DecryptionFailedException;
import org.medledger.crypto.Passphrase;

/** {@code medledger dev}: a development network, created on the first run and reused afterwards. */
class DevCommandTest {
  @TempDir static Path dir;
  static Path data;
  static Cli.Result firstRun;

  @TempDir Path scratch;

  @BeforeAll
  static void runDevOnce() {
    data = dir.resolve("dev-network");
    firstRun = Cli.withoutPassphrase().run("dev", "--data", data.toString());
  }

  @Test
  void theFirstRunCreatesTheNetworkAndPrintsTheDemoWallets() {
    assertSucceeded(firstRun);
    assertThat(firstRun.out()).contains("creating a development network in " + data, "demo wallets",
        "'" + DevCommand.DEV_PASSPHRASE + "', development only");
    assertThat(new NetworkLayout(data).genesis()).isRegularFile();
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      Path wallet = DemoIdentities.wallet(new NetworkLayout(data), identity);
      assertThat(firstRun.out()).contains(identity.name() + " (" + identity.role().id() + ", "
          + identity.organisation() + "): " + wallet);
      assertThat(wallet).isRegularFile();
    }
  }

  @Test
  void theDemoWalletsHoldTheirRoleOpenWithTheDevelopmentPassphraseAndVerify() {
    Passphrase passphrase = Passphrase.of(DevCommand.DEV_PASSPHRASE.toCharArray());
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      Path wallet = DemoIdentities.wallet(new NetworkLayout(data), identity);

      Wallet opened = Wallet.read(wallet, passphrase);

      assertThat(opened.claims().name()).isEqualTo(identity.name());
      assertThat(opened.claims().role()).isEqualTo(identity.role());
      assertThat(opened.claims().organisation()).isEqualTo(identity.organisation());
      assertThat(opened.claims().attributes()).containsAllEntriesOf(identity.attributes());
      assertSucceeded(Cli.withoutPassphrase().run("ca", "verify", wallet.toString(), "--network", data.toString()));
    }
  }

  @Test
  void aSecondRunReusesTheNetworkAndChangesNothing() throws IOException {
    byte[] genesis = Files.readAllBytes(new NetworkLayout(data).genesis());
    DirectorySnapshot before = DirectorySnapshot.of(data);

    Cli.Result secondRun = assertSucceeded(Cli.withoutPassphrase().run("dev", "--data", data.toString()));

    assertThat(secondRun.out()).contains("reusing the development network in " + data).doesNotContain("creating");
    assertThat(Files.readAllBytes(new NetworkLayout(data).genesis())).isEqualTo(genesis);
    assertThat(DirectorySnapshot.of(data)).isEqualTo(before);
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      assertThat(secondRun.out()).contains(DemoIdentities.wallet(new NetworkLayout(data), identity).toString());
    }
  }

  @Test
  void withMedledgerPassphraseSetTheDevelopmentPassphraseIsNeverUsed() {
    Path ownData = scratch.resolve("own-passphrase");

    Cli.Result result = assertSucceeded(Cli.withPassphrase().run("dev", "--data", ownData.toString(),
        "--validators", "1"));

    assertThat(result.out()).contains("from MEDLEDGER_PASSPHRASE").doesNotContain(DevCommand.DEV_PASSPHRASE);
    Path wallet = DemoIdentities.wallet(new NetworkLayout(ownData), DemoIdentities.ALL.get(0));
    assertThat(Wallet.read(wallet, Passphrase.of(Cli.PASSPHRASE.toCharArray())).claims().name())
        .isEqualTo(DemoIdentities.ALL.get(0).name());
    assertThatThrownBy(() -> Wallet.read(wallet, Passphrase.of(DevCommand.DEV_PASSPHRASE.toCharArray())))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void aDirectoryThatIsNotANetworkIsNeitherReusedNorChanged() throws IOException {
    Path notANetwork = Files.createDirectories(scratch.resolve("not-a-network"));
    Files.writeString(notANetwork.resolve("notes.txt"), "mine");
    DirectorySnapshot before = DirectorySnapshot.of(scratch);

    assertRefused(Cli.withoutPassphrase().run("dev", "--data", notANetwork.toString()), "no genesis.json");

    assertThat(DirectorySnapshot.of(scratch)).isEqualTo(before);
  }
}
