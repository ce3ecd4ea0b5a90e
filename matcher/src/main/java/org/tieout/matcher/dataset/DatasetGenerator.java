package org.tieout.matcher.dataset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.Money;
import org.tieout.core.TransactionId;
import org.tieout.matcher.Progress;

/**
 * Makes labelled reconciliation datasets with the messiness of real statements: references written
 * differently, with typos or missing; truncated upper-case names; combined and partial payments;
 * processor payouts net of fees (with and without the fee in the ledger); bank charges with no
 * entry; lags across month end; look-alike amounts; several accounts and currencies; entries not
 * yet settled and receipts not yet booked. The truth records every group.
 */
public final class DatasetGenerator {

  /**
   * @param seed the same seed gives the same dataset
   * @param bankLines about how many bank lines to make
   * @param start first posting date
   * @param days how many days the data spans
   */
  public record Options(long seed, int bankLines, LocalDate start, int days) {
    public Options {
      if (bankLines < 10) {
        throw new IllegalArgumentException("bankLines must be at least 10");
      }
      if (days < 28) {
        throw new IllegalArgumentException("days must be at least 28");
      }
    }
  }

  public record Dataset(List<BankLine> bank, List<LedgerEntry> ledger, List<MatchGroup> truth) {}

  private record Account(String id, String currency) {}

  private static final String[] PROCESSORS = {
    "Stripe Payments Europe Ltd", "Adyen N.V.", "PayPal Europe S.a r.l."
  };
  private static final long[] PRICE_LIST = {9900, 19900, 4990, 120000, 25000, 59900, 1500, 34900};

  private final Options options;
  private final SplittableRandom rnd;
  private final List<Account> accounts = new ArrayList<>();
  private final List<String> customers;
  private final List<String> vendors;
  private final List<String> employees;
  private final List<Row> bank = new ArrayList<>();
  private final List<Row> ledger = new ArrayList<>();
  private int groups;
  private int invoiceSeq = 1000;
  private int billSeq = 500;

  /** A line being made: bank or ledger, its group in the truth (-1: none). */
  private static final class Row {
    LocalDate date;
    long minor;
    Account account;
    String name;
    String description;
    String reference;
    String glAccount;
    String entryType;
    String createdBy;
    OffsetDateTime createdAt;
    int group = -1;
    String id;
  }

  public DatasetGenerator(Options options) {
    this.options = options;
    this.rnd = new SplittableRandom(options.seed());
    int scale = Math.max(1, options.bankLines() / 40_000);
    int eurAccounts = Math.max(1, scale);
    for (int i = 0; i < eurAccounts; i++) {
      accounts.add(new Account(iban("DE", i), "EUR"));
    }
    accounts.add(new Account(iban("US", 0), "USD"));
    accounts.add(new Account(iban("GB", 0), "GBP"));
    int parties = Math.max(60, options.bankLines() / 12);
    customers = Parties.companies(rnd, parties);
    vendors = Parties.companies(rnd, Math.max(30, parties / 3));
    employees = Parties.people(rnd, Math.max(10, Math.min(2000, options.bankLines() / 60)));
  }

  private String iban(String country, int i) {
    return country
        + String.format(Locale.ROOT, "%02d", 10 + rnd.nextInt(89))
        + "TIEO"
        + String.format(Locale.ROOT, "%014d", 4_000_000_000L + i * 7919L);
  }

  public Dataset generate(Progress progress) {
    while (bank.size() < options.bankLines()) {
      scenario();
      if (bank.size() % 10_000 < 4) {
        progress.update("generating", bank.size(), options.bankLines());
      }
    }
    unsettledEntries();
    return finish();
  }

  private void scenario() {
    int p = rnd.nextInt(1000);
    if (p < 360) {
      customerPayment();
    } else if (p < 560) {
      vendorPayment();
    } else if (p < 610) {
      combinedPayment();
    } else if (p < 650) {
      partialPayments();
    } else if (p < 690) {
      payout();
    } else if (p < 720) {
      bankCharge();
    } else if (p < 770) {
      payroll();
    } else if (p < 820) {
      recurring();
    } else if (p < 850) {
      feeDeducted();
    } else if (p < 880) {
      refund();
    } else if (p < 910) {
      unknownReceipt();
    } else {
      customerPayment();
    }
  }

  // ---- scenarios ----

  private void customerPayment() {
    Account a = account();
    String customer = pick(customers);
    long amount = receiptAmount();
    LocalDate posted = day();
    String ref = invoiceRef();
    int g = groups++;
    ledger(
        a, posted, amount, customer, "Customer payment " + ref, ref, "1200", "customer_payment", g);
    bank(a, posted.plusDays(lag()), amount, bankName(customer), remittance(ref, customer), g);
  }

  private void vendorPayment() {
    Account a = account();
    String vendor = pick(vendors);
    long amount = -expenseAmount();
    LocalDate posted = day();
    String bill = vendorBillRef();
    int g = groups++;
    ledger(
        a,
        posted,
        amount,
        vendor,
        "Vendor bill " + bill,
        bill,
        pick(new String[] {"2000", "2010", "6100", "6300"}),
        "vendor_payment",
        g);
    bank(a, posted.plusDays(lag()), amount, bankName(vendor), remittance(bill, vendor), g);
  }

  private void combinedPayment() {
    Account a = account();
    String customer = pick(customers);
    int n = 2 + rnd.nextInt(3);
    LocalDate first = day();
    int g = groups++;
    long total = 0;
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long amount = receiptAmount();
      String ref = invoiceRef();
      refs.add(ref);
      total += amount;
      ledger(
          a,
          first.plusDays(rnd.nextInt(12)),
          amount,
          customer,
          "Customer payment " + ref,
          ref,
          "1200",
          "customer_payment",
          g);
    }
    String text =
        rnd.nextInt(10) < 6
            ? "INVOICES " + String.join(" ", refs.stream().map(this::refVariant).toList())
            : "PAYMENT OF OPEN ITEMS";
    bank(a, first.plusDays(12 + lag()), total, bankName(customer), text, g);
  }

  private void partialPayments() {
    Account a = account();
    String customer = pick(customers);
    long amount = receiptAmount() * 3;
    LocalDate posted = day();
    String ref = invoiceRef();
    int g = groups++;
    ledger(
        a, posted, amount, customer, "Customer payment " + ref, ref, "1200", "customer_payment", g);
    int n = 2 + rnd.nextInt(2);
    long left = amount;
    LocalDate d = posted.minusDays(2);
    for (int i = 0; i < n; i++) {
      long part = i == n - 1 ? left : Math.round(amount * (0.2 + rnd.nextDouble() * 0.3));
      left -= part;
      d = d.plusDays(3 + rnd.nextInt(10));
      String text =
          rnd.nextInt(4) > 0
              ? "PARTIAL PAYMENT " + refVariant(ref) + " " + (i + 1) + "/" + n
              : "INSTALMENT " + (i + 1);
      bank(a, d, part, bankName(customer), text, g);
    }
  }

  private void payout() {
    Account a = account();
    String processor = PROCESSORS[rnd.nextInt(PROCESSORS.length)];
    int n = 3 + rnd.nextInt(6);
    LocalDate end = day();
    String payoutId =
        "po_"
            + Long.toString(rnd.nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT)
            + rnd.nextInt(100, 999);
    boolean refs = rnd.nextBoolean();
    boolean feeInLedger = rnd.nextBoolean();
    int g = groups++;
    long gross = 0;
    for (int i = 0; i < n; i++) {
      long sale =
          rnd.nextInt(10) < 3
              ? PRICE_LIST[rnd.nextInt(PRICE_LIST.length)]
              : 1000 + rnd.nextLong(40_000);
      gross += sale;
      ledger(
          a,
          end.minusDays(rnd.nextInt(7)),
          sale,
          processor,
          "Card sale order " + (100_000 + rnd.nextInt(900_000)),
          refs ? payoutId : null,
          "1210",
          "customer_payment",
          g);
    }
    long fee = Math.round(gross * 0.014) + 25L * n;
    if (feeInLedger) {
      ledger(
          a,
          end,
          -fee,
          processor,
          "Processing fees " + payoutId,
          refs ? payoutId : null,
          "6800",
          "fee",
          g);
    }
    String text =
        rnd.nextInt(10) < 7
            ? processor.split(" ")[0].toUpperCase(Locale.ROOT) + " PAYOUT " + payoutId
            : "TRANSFER";
    bank(a, end.plusDays(1 + rnd.nextInt(3)), gross - fee, bankName(processor), text, g);
  }

  private void bankCharge() {
    Account a = account();
    String[] texts = {
      "ACCOUNT MAINTENANCE FEE",
      "CHARGES FOREIGN TRANSFER",
      "CARD FEE",
      "OVERDRAFT INTEREST",
      "SWIFT CHARGES"
    };
    bank(
        a,
        day(),
        -(200 + rnd.nextLong(4_800)),
        rnd.nextBoolean() ? null : "TIEOUT BANK",
        pick(texts),
        -1);
  }

  private void payroll() {
    Account a = accounts.get(0);
    LocalDate payday = day().withDayOfMonth(25);
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      String person = pick(employees);
      long salary = rnd.nextInt(3) == 0 ? 350_000 : 250_000 + rnd.nextLong(300_000) / 100 * 100;
      String month = payday.getMonth().toString().substring(0, 3) + " " + payday.getYear();
      int g = groups++;
      ledger(a, payday, -salary, person, "Salary " + month, null, "2300", "payroll", g);
      bank(a, payday.plusDays(rnd.nextInt(2)), -salary, bankName(person), "SALARY " + month, g);
    }
  }

  private void recurring() {
    Account a = account();
    String vendor = pick(vendors);
    long amount = -(rnd.nextBoolean() ? 250_000 : 4_900 + rnd.nextLong(20) * 1000);
    LocalDate d = options.start().plusDays(rnd.nextInt(28));
    int months = 2 + rnd.nextInt(3);
    for (int i = 0; i < months && d.isBefore(options.start().plusDays(options.days())); i++) {
      int g = groups++;
      String label =
          d.getMonth().toString().charAt(0)
              + d.getMonth().toString().substring(1, 3).toLowerCase(Locale.ROOT)
              + " "
              + d.getYear();
      ledger(
          a, d, amount, vendor, "Rent / subscription " + label, null, "6200", "vendor_payment", g);
      bank(
          a,
          d.plusDays(lag()),
          amount,
          bankName(vendor),
          "STANDING ORDER " + label.toUpperCase(Locale.ROOT),
          g);
      d = d.plusMonths(1);
    }
  }

  private void feeDeducted() {
    Account a = account();
    String customer = pick(customers);
    long amount = 50_000 + rnd.nextLong(500_000);
    long fee = 500 + rnd.nextLong(2_500);
    LocalDate posted = day();
    String ref = invoiceRef();
    int g = groups++;
    ledger(
        a, posted, amount, customer, "Customer payment " + ref, ref, "1200", "customer_payment", g);
    bank(a, posted.plusDays(lag()), amount - fee, bankName(customer), remittance(ref, customer), g);
  }

  private void refund() {
    Account a = account();
    String customer = pick(customers);
    long amount = -(1000 + rnd.nextLong(50_000));
    LocalDate posted = day();
    String ref = "CN-" + (40_000 + invoiceSeq++);
    int g = groups++;
    ledger(a, posted, amount, customer, "Refund credit note " + ref, ref, "1200", "refund", g);
    bank(
        a,
        posted.plusDays(lag()),
        amount,
        bankName(customer),
        rnd.nextBoolean() ? "REFUND " + ref : "REFUND",
        g);
  }

  private void unknownReceipt() {
    Account a = account();
    bank(
        a,
        day(),
        receiptAmount(),
        bankName(pick(customers)),
        rnd.nextBoolean() ? "PAYMENT" : "ORDER " + (100 + rnd.nextInt(9000)),
        -1);
  }

  /** Entries booked but not yet through the bank: about one in twelve ledger entries. */
  private void unsettledEntries() {
    int n = ledger.size() / 11;
    for (int i = 0; i < n; i++) {
      Account a = account();
      boolean receipt = rnd.nextBoolean();
      String party = receipt ? pick(customers) : pick(vendors);
      long amount = receipt ? receiptAmount() : -expenseAmount();
      String ref = receipt ? invoiceRef() : vendorBillRef();
      ledger(
          a,
          day(),
          amount,
          party,
          (receipt ? "Customer payment " : "Vendor bill ") + ref,
          ref,
          receipt ? "1200" : "2000",
          receipt ? "customer_payment" : "vendor_payment",
          -1);
    }
  }

  // ---- pieces ----

  private Account account() {
    int p = rnd.nextInt(100);
    if (p < 12) {
      return accounts.get(accounts.size() - 2);
    }
    if (p < 20) {
      return accounts.get(accounts.size() - 1);
    }
    return accounts.get(rnd.nextInt(accounts.size() - 2));
  }

  private LocalDate day() {
    return options.start().plusDays(rnd.nextInt(options.days()));
  }

  /** Bank date minus ledger date: mostly a few days, sometimes before, rarely long. */
  private int lag() {
    int p = rnd.nextInt(100);
    if (p < 55) {
      return rnd.nextInt(3);
    }
    if (p < 82) {
      return 3 + rnd.nextInt(3);
    }
    if (p < 94) {
      return -1 - rnd.nextInt(2);
    }
    return 6 + rnd.nextInt(4);
  }

  private long receiptAmount() {
    if (rnd.nextInt(10) < 2) {
      return PRICE_LIST[rnd.nextInt(PRICE_LIST.length)];
    }
    double v = Math.exp(6 + rnd.nextDouble() * 4.5);
    return Math.max(100, Math.round(v) * (rnd.nextInt(4) == 0 ? 100 : 1));
  }

  private long expenseAmount() {
    return rnd.nextInt(10) < 2
        ? PRICE_LIST[rnd.nextInt(PRICE_LIST.length)]
        : Math.max(100, Math.round(Math.exp(5 + rnd.nextDouble() * 5)));
  }

  private String invoiceRef() {
    int seq = invoiceSeq++;
    return switch (seq % 3) {
      case 0 -> "INV-" + options.start().getYear() + "-" + String.format(Locale.ROOT, "%06d", seq);
      case 1 -> "INV" + String.format(Locale.ROOT, "%07d", seq);
      default -> "RE-" + seq;
    };
  }

  private String vendorBillRef() {
    int seq = billSeq++ * 7 + rnd.nextInt(7);
    return switch (rnd.nextInt(3)) {
      case 0 ->
          (char) ('A' + rnd.nextInt(26))
              + ""
              + (char) ('A' + rnd.nextInt(26))
              + String.format(Locale.ROOT, "%06d", seq);
      case 1 -> seq + "/" + options.start().getYear();
      default -> "F-" + String.format(Locale.ROOT, "%05d", seq);
    };
  }

  /**
   * How a payer writes a reference: as issued, lower case, without separators, without prefix or
   * zeros, or with a typo.
   */
  private String refVariant(String ref) {
    int p = rnd.nextInt(100);
    if (p < 40) {
      return ref;
    }
    if (p < 52) {
      return ref.toLowerCase(Locale.ROOT);
    }
    if (p < 64) {
      return ref.replaceAll("[-/]", "");
    }
    if (p < 74) {
      return ref.replace("-", " ");
    }
    if (p < 86) {
      return ref.replaceFirst("^[A-Z]+-?", "").replaceFirst("^0+", "");
    }
    if (p < 93) {
      return typo(ref);
    }
    return ref.replaceFirst("(\\d+)$", "0$1");
  }

  private String typo(String ref) {
    char[] c = ref.toCharArray();
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      if (Character.isDigit(c[i])) {
        digits.add(i);
      }
    }
    int i = digits.get(rnd.nextInt(digits.size()));
    if (rnd.nextBoolean() && i + 1 < c.length && Character.isDigit(c[i + 1]) && c[i] != c[i + 1]) {
      char t = c[i];
      c[i] = c[i + 1];
      c[i + 1] = t;
    } else {
      c[i] = (char) ('0' + (c[i] - '0' + 1 + rnd.nextInt(8)) % 10);
    }
    return new String(c);
  }

  private String remittance(String ref, String party) {
    int p = rnd.nextInt(100);
    if (p < 20) {
      return pick(
          new String[] {
            "PAYMENT", "TRANSFER", "THANK YOU", "SEPA CREDIT TRANSFER", "ONLINE BANKING"
          });
    }
    String v = refVariant(ref);
    return switch (p % 5) {
      case 0 -> v;
      case 1 -> "INVOICE " + v;
      case 2 -> "Payment " + v + " thank you";
      case 3 -> "/RFB/" + v + "/ " + party.toUpperCase(Locale.ROOT);
      default -> "RE: " + v + " ORDER " + (100 + rnd.nextInt(900));
    };
  }

  private String bankName(String name) {
    return rnd.nextInt(100) < 8 ? null : Parties.asBankPrints(name, rnd);
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private String pick(String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private void bank(Account a, LocalDate date, long minor, String name, String text, int group) {
    Row r = new Row();
    r.account = a;
    r.date = date;
    r.minor = minor;
    r.name = name;
    r.description = text;
    r.group = group;
    bank.add(r);
  }

  private void ledger(
      Account a,
      LocalDate date,
      long minor,
      String name,
      String text,
      String ref,
      String gl,
      String type,
      int group) {
    Row r = new Row();
    r.account = a;
    r.date = date;
    r.minor = minor;
    r.name = name;
    r.description = text;
    r.reference = ref;
    r.glAccount = gl;
    r.entryType = type;
    boolean system = type.equals("payroll") || type.equals("fee") || rnd.nextInt(4) == 0;
    r.createdBy = system ? "system" : "clerk" + (1 + rnd.nextInt(6));
    int hour = system ? 2 : 8 + rnd.nextInt(10);
    r.createdAt = date.atTime(hour, rnd.nextInt(60), rnd.nextInt(60)).atOffset(ZoneOffset.UTC);
    r.group = group;
    ledger.add(r);
  }

  private Dataset finish() {
    // files come sorted by date, as statements and ledger exports do; ids follow that order
    Comparator<Row> byDate =
        Comparator.comparing((Row r) -> r.date).thenComparing(r -> r.account.id());
    bank.sort(byDate);
    ledger.sort(byDate);
    List<List<TransactionId>> bankOf = new ArrayList<>();
    List<List<EntryId>> ledgerOf = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      bankOf.add(new ArrayList<>(1));
      ledgerOf.add(new ArrayList<>(1));
    }
    List<BankLine> bankLines = new ArrayList<>(bank.size());
    for (int i = 0; i < bank.size(); i++) {
      Row r = bank.get(i);
      TransactionId id = new TransactionId(String.format(Locale.ROOT, "B%07d", i + 1));
      if (r.group >= 0) {
        bankOf.get(r.group).add(id);
      }
      bankLines.add(
          new BankLine(
              id,
              r.account.id(),
              r.date,
              r.date,
              Money.ofMinor(r.minor, r.account.currency()),
              r.name,
              null,
              r.description,
              null,
              null,
              null));
    }
    List<LedgerEntry> entries = new ArrayList<>(ledger.size());
    for (int i = 0; i < ledger.size(); i++) {
      Row r = ledger.get(i);
      EntryId id = new EntryId(String.format(Locale.ROOT, "L%07d", i + 1));
      if (r.group >= 0) {
        ledgerOf.get(r.group).add(id);
      }
      entries.add(
          new LedgerEntry(
              id,
              r.account.id(),
              r.date,
              Money.ofMinor(r.minor, r.account.currency()),
              r.name,
              r.description,
              r.reference,
              r.glAccount,
              r.entryType,
              r.createdBy,
              r.createdAt,
              null,
              null));
    }
    List<MatchGroup> truth = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (!bankOf.get(g).isEmpty() && !ledgerOf.get(g).isEmpty()) {
        truth.add(MatchGroup.ofIds(bankOf.get(g), ledgerOf.get(g)));
      }
    }
    return new Dataset(bankLines, entries, truth);
  }
}
