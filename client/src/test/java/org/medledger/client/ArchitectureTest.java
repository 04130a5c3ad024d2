package org.medledger.client;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §3: domain modules do no I/O and import no framework; dependencies point one way
 * (crypto ◀ pki ◀ ledger ◀ contracts ◀ node ◀ client); one adaptor package per framework; algorithm strings
 * stay in the crypto module. The client's test classpath holds every module, so the rules for all
 * are checked here.
 */
class ArchitectureTest {
  private static final String CRYPTO = "org.medledger.crypto..";
  private static final String PKI = "org.medledger.pki..";
  private static final String LEDGER = "org.medledger.ledger..";
  private static final String CONTRACTS = "org.medledger.contracts..";
  private static final String NODE = "org.medledger.node..";
  private static final String CLIENT = "org.medledger.client..";

  /** Files, sockets and HTTP: what a module that "does no I/O" never touches. */
  private static final DescribedPredicate<JavaClass> IO =
      resideInAnyPackage("java.nio.file..", "java.net.http..")
          .or(belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class, FileReader.class,
              FileWriter.class, RandomAccessFile.class, FileChannel.class, Socket.class, ServerSocket.class));

  private static final DescribedPredicate<JavaMethodCall> JCA_FACTORY =
      getInstanceOf(Cipher.class, Signature.class, KeyPairGenerator.class);

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    // The rules look at names of the classes MedLedger uses, not inside them: no need to import the JDK too.
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.medledger");
  }

  @AfterAll
  static void restoreTheDefaultConfiguration() {
    ArchConfiguration.get().reset();
  }

  @Test
  void theRulesSeeEveryModule() {
    assertThat(classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()))
        .contains("org.medledger.crypto", "org.medledger.pki", "org.medledger.ledger.execution",
            "org.medledger.node.api", "org.medledger.node.storage.rocksdb", "org.medledger.client.cli",
            "org.medledger.client.network", "org.medledger.contracts.policy");
  }

  @Test
  void domainModulesImportNoFramework() {
    noClasses().that().resideInAnyPackage(CRYPTO, PKI, LEDGER, CONTRACTS)
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.fasterxml..", "picocli..", "org.apache.ratis..", "io.javalin..", "org.eclipse.jetty..",
            "org.rocksdb..", "java.sql..")
        .because("domain modules import no framework (DESIGN.md §3)")
        .check(classes);
  }

  @Test
  void domainModulesDoNoIo() {
    noClasses().that().resideInAnyPackage(CRYPTO, PKI, LEDGER, CONTRACTS)
        .should().dependOnClassesThat(IO)
        .because("domain modules do no I/O: callers read and write files (DESIGN.md §3)")
        .check(classes);
  }

  @Test
  void cryptoDependsOnNoOtherMedLedgerModule() {
    noClasses().that().resideInAPackage(CRYPTO)
        .should().dependOnClassesThat().resideInAnyPackage(PKI, CLIENT)
        .check(classes);
  }

  @Test
  void pkiDoesNotDependOnTheClient() {
    noClasses().that().resideInAPackage(PKI)
        .should().dependOnClassesThat().resideInAnyPackage(LEDGER, NODE, CLIENT)
        .check(classes);
  }

  @Test
  void theLedgerDependsOnNeitherNodeNorClient() {
    noClasses().that().resideInAPackage(LEDGER)
        .should().dependOnClassesThat().resideInAnyPackage(CONTRACTS, NODE, CLIENT)
        .check(classes);
  }

  @Test
  void theContractsDependOnNeitherNodeNorClient() {
    noClasses().that().resideInAPackage(CONTRACTS)
        .should().dependOnClassesThat().resideInAnyPackage(NODE, CLIENT)
        .check(classes);
  }

  @Test
  void theNodeDoesNotDependOnTheClient() {
    noClasses().that().resideInAPackage(NODE)
        .should().dependOnClassesThat().resideInAPackage(CLIENT)
        .check(classes);
  }

  @Test
  void onlyTheStorageAdaptorImportsRocksDb() {
    noClasses().that().resideOutsideOfPackage("org.medledger.node.storage.rocksdb..")
        .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
        .because("storage.rocksdb is the one adaptor for RocksDB (DESIGN.md §3)")
        .check(classes);
  }

  @Test
  void onlyTheConsensusAdaptorImportsRatis() {
    noClasses().that().resideOutsideOfPackage("org.medledger.node.consensus.ratis..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.ratis..")
        .because("consensus.ratis is the one adaptor for Apache Ratis (DESIGN.md §3)")
        .check(classes);
  }

  @Test
  void onlyTheApiAdaptorImportsJavalinOrJetty() {
    noClasses().that().resideOutsideOfPackage("org.medledger.node.api..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .because("api is the one adaptor for the HTTP server (DESIGN.md §3)")
        .check(classes);
  }

  @Test
  void onlyTheFhirAdaptorImportsHapi() {
    noClasses().that().resideOutsideOfPackage("org.medledger.node.fhir..")
        .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
        .because("node.fhir is the one adaptor for HAPI FHIR; the domain speaks its own model (DESIGN.md §3)")
        .check(classes);
  }

  @Test
  void onlyTheCryptoModuleAsksJcaForCiphersSignaturesOrKeyPairGenerators() {
    noClasses().that().resideOutsideOfPackage(CRYPTO)
        .should().callMethodWhere(JCA_FACTORY)
        .because("algorithm strings stay in the crypto module, behind named presets (DESIGN.md §3, §9)")
        .check(classes);
  }

  @Test
  void theRulesCatchWhatTheyForbidWhereItIsAllowed() {
    assertThatThrownBy(() -> noClasses().that().resideInAPackage(CRYPTO).should().callMethodWhere(JCA_FACTORY)
        .check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining("Providers");
    assertThatThrownBy(() -> noClasses().that().resideInAPackage(CLIENT).should().dependOnClassesThat(IO)
        .check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining("AtomicFiles");
    assertThatThrownBy(() -> noClasses().that().resideInAPackage(CLIENT).should().dependOnClassesThat()
        .resideInAnyPackage("picocli..", "com.fasterxml..").check(classes))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Json");
  }

  private static DescribedPredicate<JavaMethodCall> getInstanceOf(Class<?>... factories) {
    Set<String> owners = Arrays.stream(factories).map(Class::getName).collect(Collectors.toSet());
    return describe("getInstance of " + Arrays.stream(factories).map(Class::getSimpleName)
            .collect(Collectors.joining(", ")),
        call -> call.getTarget().getName().equals("getInstance") && owners.contains(call.getTarget().getOwner().getName()));
  }
}
