package io.synthbeam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven version recorded in the jar, and the Java runtime. */
final class VersionProvider implements IVersionProvider {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.synthbeam/synthbeam/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
        "synthbeam " + version(),
        "Java " + System.getProperty("java.version") + " ("
            + System.getProperty("java.vm.name") + ")"};
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through: the version is informative only
    }
    String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : "(development build)";
  }
}
