package org.tieout.core.format.camt;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tieout.core.BankLine;
import org.tieout.core.Money;
import org.tieout.core.Provenance;
import org.tieout.core.SourceFile;
import org.tieout.core.TransactionId;
import org.tieout.core.format.ContentHash;
import org.tieout.core.format.FileIds;
import org.tieout.core.format.ImportProblem;
import org.tieout.core.format.ImportResult;

/**
 * ISO 20022 camt.053 bank-to-customer statements, versions .001.02 to .001.13: elements are read by
 * local name, so the namespace version does not matter, and the places where versions differ
 * (status as text or as {@code Cd}, party name directly or under {@code Pty}) are both read. One
 * bank line per booked entry ({@code Ntry}); pending entries are noted, not imported.
 */
public final class Camt053Reader {
  private Camt053Reader() {}

  public static boolean sniff(String head) {
    return head.contains("camt.053") || head.contains("BkToCstmrStmt");
  }

  public static ImportResult<BankLine> read(Path file) {
    SourceFile source = ContentHash.sourceOf(file);
    Parse parse = new Parse(source);
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // Statements are data from outside: no DTDs, no external entities.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      parse.run(r);
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      parse.problems.add(
          new ImportProblem(source.name(), line, null, "malformed_xml", e.getMessage(), null));
    } catch (IOException e) {
      parse.problems.add(
          new ImportProblem(source.name(), 0, null, "unreadable", e.getMessage(), null));
    }
    if (!parse.sawStatement && parse.problems.isEmpty()) {
      parse.problems.add(
          new ImportProblem(
              source.name(), 0, null, "not_camt053", "no BkToCstmrStmt/Stmt element found", null));
    }
    return new ImportResult<>(source, parse.items, parse.problems, parse.notes);
  }

  private static final class Parse {
    final SourceFile source;
    final List<BankLine> items = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final FileIds ids = new FileIds("CAMT");
    boolean sawStatement;
    int statementIndex;
    int entryIndex;
    String account;
    String statementId;

    Parse(SourceFile source) {
      this.source = source;
    }

    void run(XMLStreamReader r) throws XMLStreamException {
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (r.getLocalName()) {
          case "Stmt" -> {
            sawStatement = true;
            statementIndex++;
            entryIndex = 0;
            account = null;
            statementId = null;
          }
          case "Id" -> {
            if (sawStatement && statementId == null && account == null) {
              // the statement's own Id is its first child, before the account
              statementId = r.getElementText().strip();
            }
          }
          case "Acct" -> {
            if (sawStatement) {
              XmlNode acct = XmlNode.read(r);
              account = firstNonNull(acct.text("Id/IBAN"), acct.text("Id/Othr/Id"));
            }
          }
          case "Ntry" -> {
            entryIndex++;
            long line = r.getLocation().getLineNumber();
            entry(XmlNode.read(r), line);
          }
          default -> {
            // other elements (balances, headers) carry no transactions
          }
        }
      }
    }

    private void entry(XmlNode ntry, long line) {
      String path = "/Document/BkToCstmrStmt/Stmt[" + statementIndex + "]/Ntry[" + entryIndex + "]";
      String status = firstNonNull(ntry.text("Sts/Cd"), ntry.text("Sts"));
      if (status != null && !status.equals("BOOK")) {
        notes.add(
            source.name()
                + ":"
                + path
                + " (line "
                + line
                + ") has status "
                + status
                + " and was not imported");
        return;
      }
      if (account == null) {
        problem(
            line, path, "Acct", "missing_account", "entry appears before the statement's account");
        return;
      }
      XmlNode amt = ntry.at("Amt");
      String indicator = ntry.text("CdtDbtInd");
      if (amt == null || amt.ownText() == null || indicator == null) {
        problem(line, path, "Amt", "missing_amount", "entry has no Amt or CdtDbtInd");
        return;
      }
      Money amount;
      try {
        BigDecimal value = new BigDecimal(amt.ownText()).stripTrailingZeros();
        if (indicator.equals("DBIT")) {
          value = value.negate();
        } else if (!indicator.equals("CRDT")) {
          problem(
              line,
              path,
              "CdtDbtInd",
              "bad_indicator",
              "CdtDbtInd must be CRDT or DBIT, got " + indicator);
          return;
        }
        amount = Money.of(value, amt.attributes().get("Ccy"));
      } catch (IllegalArgumentException e) {
        problem(line, path, "Amt", "bad_amount", e.getMessage());
        return;
      }
      LocalDate booking = date(ntry.at("BookgDt"));
      LocalDate value = date(ntry.at("ValDt"));
      if (booking == null) {
        booking = value;
      }
      if (booking == null) {
        problem(
            line, path, "BookgDt", "missing_date", "entry has neither a booking nor a value date");
        return;
      }
      boolean credit = indicator.equals("CRDT");
      List<XmlNode> txs = ntry.all("TxDtls");
      String counterparty = null;
      String counterpartyAccount = null;
      String endToEnd = null;
      Set<String> text = new LinkedHashSet<>();
      for (XmlNode tx : txs) {
        String party = credit ? "Dbtr" : "Cdtr";
        counterparty =
            firstNonNull(
                counterparty,
                tx.text("RltdPties/" + party + "/Nm"),
                tx.text("RltdPties/" + party + "/Pty/Nm"));
        counterpartyAccount =
            firstNonNull(
                counterpartyAccount,
                tx.text("RltdPties/" + party + "Acct/Id/IBAN"),
                tx.text("RltdPties/" + party + "Acct/Id/Othr/Id"));
        String e2e = tx.text("Refs/EndToEndId");
        if (e2e != null && !e2e.equals("NOTPROVIDED")) {
          endToEnd = firstNonNull(endToEnd, e2e);
        }
        for (XmlNode rmt : tx.all("RmtInf")) {
          rmt.children("Ustrd").forEach(u -> addText(text, u.ownText()));
          rmt.all("CdtrRefInf").forEach(c -> addText(text, c.text("Ref")));
          rmt.all("RfrdDocInf").forEach(c -> addText(text, c.text("Nb")));
        }
        addText(text, tx.text("AddtlTxInf"));
      }
      addText(text, ntry.text("AddtlNtryInf"));
      String servicerRef = firstNonNull(ntry.text("AcctSvcrRef"), ntry.text("NtryRef"));
      String id = ids.next(servicerRef, account + '|' + booking + '|' + amount + '|' + text);
      items.add(
          new BankLine(
              new TransactionId(id),
              account,
              booking,
              value,
              amount,
              counterparty,
              counterpartyAccount,
              text.isEmpty() ? null : String.join(" | ", text),
              firstNonNull(endToEnd, servicerRef),
              Provenance.atPath(source, line, path),
              statementId == null ? Map.of() : Map.of("statement_id", statementId)));
    }

    private void problem(long line, String path, String element, String code, String message) {
      problems.add(
          new ImportProblem(source.name(), line, element, code, message + " at " + path, null));
    }
  }

  private static void addText(Set<String> text, String s) {
    if (s != null && !s.isBlank()) {
      text.add(s.strip().replaceAll("\\s+", " "));
    }
  }

  /** {@code <Dt>} or {@code <DtTm>}; a date-time keeps its own local date. */
  static LocalDate date(XmlNode node) {
    if (node == null) {
      return null;
    }
    String d = node.text("Dt");
    if (d != null) {
      return LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
    }
    String dt = node.text("DtTm");
    if (dt == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(dt).toLocalDate();
    } catch (RuntimeException e) {
      return LocalDateTime.parse(dt).toLocalDate();
    }
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
