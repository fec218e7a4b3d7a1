package demo;
import java.nio.file.Path;
import org.dyadkit.Version;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.table.DataTable;
public class Demo {
  public static void main(String[] a) {
    DataTable t = DataTable.read(Path.of(a[0]));
    DyadicData couples = DyadicData.individual(t).dyad("cuplid").role("gender").build();
    ApimFit fit = Apim.distinguishable(couples).outcome("satisfaction").predictor("other_pos").reml().fit();
    System.out.println("dyadkit " + Version.current() + " actor:-1 = " + fit.coefficient("actor:-1"));
  }
}
