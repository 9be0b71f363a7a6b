package io.synthbeam.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the two simulated example tables (no real person or account is in them):
 *
 * <ul>
 *   <li>{@code examples/patients/} ({@code train.csv.gz}, {@code holdout.csv.gz}): hospital
 *       admissions: a patient id, sex, age, admission date, one of 50 ICD-10-like diagnosis
 *       codes (Zipf-like frequencies that depend on age), BMI (missing for 15%), systolic blood
 *       pressure, HbA1c (measured for diabetics and a third of the others, else missing), CRP
 *       (a point mass of 30% at the detection limit 0.5, log-normal above), length of stay
 *       (skewed) and readmission within 30 days (depends on age, diagnosis and stay).</li>
 *   <li>{@code examples/transactions/} ({@code train.csv.gz}, {@code holdout.csv.gz}): card
 *       transactions with about 1% fraud. Fraud shifts amount, hour, channel, country mismatch,
 *       account age and 24-hour velocity, each only partly: no single column gives it away, so
 *       a model trained on the rare real fraud rows alone misses much of it.</li>
 * </ul>
 *
 * <p>Plain Java, no dependencies, fixed seeds: the same files on every run.
 * {@code java examples/java/io/synthbeam/examples/SimulatedTables.java [FOLDER]} writes them
 * under FOLDER (default {@code examples}); gzip output has no timestamp, so the bytes are stable.
 */
public final class SimulatedTables {
  static final int PATIENT_ROWS = 8_000;
  static final int PATIENT_HOLDOUT_ROWS = 4_000;
  static final int TRANSACTION_ROWS = 30_000;
  static final int TRANSACTION_HOLDOUT_ROWS = 15_000;

  private static final String[] DIAGNOSES = {
    "I10", "E11.9", "J18.9", "I50.9", "N39.0", "J44.1", "I48.91", "K80.20", "A41.9", "I21.4",
    "S72.001A", "K35.80", "N17.9", "E87.1", "I63.9", "J96.01", "K92.2", "R07.9", "R55", "F10.239",
    "K85.90", "L03.115", "M17.11", "Z38.00", "O80", "C34.90", "C50.911", "D64.9", "E86.0",
    "G40.909", "I26.99", "I35.0", "J45.901", "K57.32", "K56.609", "M54.5", "N18.6", "R10.9",
    "R42", "T81.4XXA", "E10.10", "F32.9", "G45.9", "I20.0", "J06.9", "K21.9", "N20.0", "R50.9",
    "S06.0X0A", "Z51.11"};
  private static final String[] MERCHANTS = {
    "grocery", "fuel", "restaurant", "travel", "electronics", "fashion", "online_services",
    "pharmacy", "gambling", "cash"};
  private static final String[] CHANNELS = {"chip", "contactless", "online", "atm"};

  private SimulatedTables() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "examples");
    writePatients(folder.resolve("patients/train.csv.gz"), PATIENT_ROWS, 11, 0);
    writePatients(folder.resolve("patients/holdout.csv.gz"), PATIENT_HOLDOUT_ROWS, 12,
        PATIENT_ROWS);
    writeTransactions(folder.resolve("transactions/train.csv.gz"), TRANSACTION_ROWS, 21);
    writeTransactions(folder.resolve("transactions/holdout.csv.gz"), TRANSACTION_HOLDOUT_ROWS,
        22);
  }

  static void writePatients(Path file, int rows, long seed, int firstId) throws IOException {
    Random r = new Random(seed);
    StringBuilder csv = new StringBuilder("patient_id,sex,age,admission_date,diagnosis,bmi,"
        + "systolic_bp,hba1c,crp,length_of_stay,readmitted\n");
    LocalDate first = LocalDate.of(2021, 1, 1);
    for (int i = 0; i < rows; i++) {
      String sex = r.nextDouble() < 0.52 ? "F" : "M";
      int age = (int) Math.min(99, Math.max(0, 62 + 18 * r.nextGaussian()
          - (r.nextDouble() < 0.08 ? 45 : 0)));
      LocalDate admitted = first.plusDays(r.nextInt(3 * 365));
      String diagnosis = DIAGNOSES[zipf(r, DIAGNOSES.length, age)];
      boolean diabetic = diagnosis.startsWith("E11") || diagnosis.startsWith("E10")
          || r.nextDouble() < 0.12 + age / 1000.0;
      String bmi = r.nextDouble() < 0.15 ? ""
          : fmt(Math.max(14, 26.5 + (diabetic ? 3 : 0) + 4.5 * r.nextGaussian()), 1);
      int systolic = (int) Math.round(118 + 0.35 * age + (diagnosis.equals("I10") ? 18 : 0)
          + 14 * r.nextGaussian());
      String hba1c = diabetic || r.nextDouble() < 0.33
          ? fmt(diabetic ? 7.6 + 1.4 * Math.abs(r.nextGaussian()) : 5.4 + 0.35 * r.nextGaussian(),
              1) : "";
      boolean infection = diagnosis.startsWith("A41") || diagnosis.startsWith("J18")
          || diagnosis.startsWith("N39") || diagnosis.startsWith("L03");
      double crp = r.nextDouble() < (infection ? 0.05 : 0.35) ? 0.5
          : Math.exp((infection ? 4.2 : 1.6) + 0.9 * r.nextGaussian()) + 0.5;
      int stay = (int) Math.max(1, Math.round(Math.exp(1.1 + age / 120.0 + (infection ? 0.5 : 0)
          + 0.6 * r.nextGaussian())));
      double risk = -3.2 + age / 40.0 + stay / 12.0 + (diagnosis.startsWith("I50") ? 1.0 : 0)
          + (diagnosis.startsWith("N18") ? 1.2 : 0) + (diabetic ? 0.3 : 0);
      String readmitted = r.nextDouble() < 1 / (1 + Math.exp(-risk)) ? "yes" : "no";
      csv.append(String.format(Locale.ROOT, "P%06d,%s,%d,%s,%s,%s,%d,%s,%s,%d,%s%n",
          firstId + i + 1, sex, age, admitted, diagnosis, bmi, systolic, hba1c, fmt(crp, 1),
          stay, readmitted));
    }
    writeGzip(file, csv);
  }

  /** An index in [0, n) with Zipf-like weights 1/(k+1), older patients shifted to later codes. */
  private static int zipf(Random r, int n, int age) {
    double total = 0;
    for (int k = 0; k < n; k++) {
      total += 1.0 / (k + 1);
    }
    double u = r.nextDouble() * total;
    int k = 0;
    while (k < n - 1 && (u -= 1.0 / (k + 1)) > 0) {
      k++;
    }
    if (age < 30 && r.nextDouble() < 0.4) {
      k = 20 + r.nextInt(30); // the young have a different, flatter mix
    }
    return k;
  }

  static void writeTransactions(Path file, int rows, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder csv = new StringBuilder("amount,hour,merchant_category,channel,"
        + "country_mismatch,account_age_days,transactions_24h,is_fraud\n");
    for (int i = 0; i < rows; i++) {
      boolean fraud = r.nextDouble() < 0.01;
      // Each fraud signal is present only with some probability, so fraud rows overlap the rest.
      double amount = Math.exp((fraud && r.nextDouble() < 0.6 ? 5.0 : 3.6) + 0.9 * r.nextGaussian());
      int hour = fraud && r.nextDouble() < 0.5 ? r.nextInt(6)
          : (int) Math.floorMod(Math.round(14 + 4.5 * r.nextGaussian()), 24);
      String merchant = fraud && r.nextDouble() < 0.45
          ? MERCHANTS[new int[] {3, 4, 8, 9}[r.nextInt(4)]] : MERCHANTS[r.nextInt(MERCHANTS.length)];
      String channel = fraud && r.nextDouble() < 0.55 ? "online"
          : CHANNELS[pick(r, 0.45, 0.35, 0.15)];
      boolean mismatch = r.nextDouble() < (fraud ? 0.35 : 0.03);
      int accountAge = (int) Math.round(Math.exp((fraud && r.nextDouble() < 0.5 ? 3.5 : 6.5)
          + 0.8 * r.nextGaussian()));
      int velocity = poisson(r, fraud && r.nextDouble() < 0.5 ? 7 : 2.5);
      csv.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%d,%d,%d%n", fmt(amount, 2), hour,
          merchant, channel, mismatch, accountAge, velocity, fraud ? 1 : 0));
    }
    writeGzip(file, csv);
  }

  /** Index 0, 1 or 2 with the given probabilities, else 3. */
  private static int pick(Random r, double p0, double p1, double p2) {
    double u = r.nextDouble();
    return u < p0 ? 0 : u < p0 + p1 ? 1 : u < p0 + p1 + p2 ? 2 : 3;
  }

  private static int poisson(Random r, double mean) {
    double limit = Math.exp(-mean);
    double product = r.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= r.nextDouble();
      k++;
    }
    return k;
  }

  private static String fmt(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Gzip without a timestamp in the header, so the bytes depend on the rows only. */
  private static void writeGzip(Path file, CharSequence text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        Writer out = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
      out.append(text);
    }
  }
}
