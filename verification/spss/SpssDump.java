import java.nio.file.Path;
import org.dyadkit.spss.SpssFile;
import org.dyadkit.spss.SpssVariable;
import org.dyadkit.table.DataTable;

/**
 * Prints what dyadkit reads from SPSS files, one tab-separated line per fact, for compare_haven.R:
 * {@code file var label TEXT}, {@code file var value CODE LABEL}, {@code file var cell ROW TEXT}.
 * Run: {@code java -cp core/target/dyadkit-core-VERSION.jar verification/spss/SpssDump.java FILE...}
 */
public class SpssDump {
    public static void main(String[] args) {
        for (String f : args) {
            Path path = Path.of(f);
            String name = path.getFileName().toString();
            SpssFile file = SpssFile.read(path);
            for (SpssVariable v : file.variables()) {
                System.out.println(name + "\t" + v.name() + "\tlabel\t" + v.label().orElse(""));
                v.valueLabels().forEach((code, label) ->
                        System.out.println(name + "\t" + v.name() + "\tvalue\t" + code + "\t" + label));
                System.out.println(name + "\t" + v.name() + "\tuser_missing\t" + v.userMissing());
            }
            DataTable table = DataTable.read(path);
            for (int c = 0; c < table.columns().size(); c++) {
                for (int r = 0; r < table.rowCount(); r++) {
                    System.out.println(name + "\t" + table.columns().get(c) + "\tcell\t" + (r + 1) + "\t" + table.cell(r, c));
                }
            }
        }
    }
}
