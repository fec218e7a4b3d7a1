package org.dyadkit.power;
public class Scratch {
    public static void main(String[] a) {
        for (ApimPower d : new ApimPower[]{ApimPower.distinguishable("m","w").withDyads(100), ApimPower.indistinguishable().withDyads(100)}) {
            long t0 = System.nanoTime();
            PowerResult s = PowerSimulation.apim(d).withReplicates(Integer.parseInt(a[0])).withSeed(1).withThreads(Integer.parseInt(a[1])).fit();
            long t1 = System.nanoTime();
            PowerResult an = d.fit();
            System.out.println("ms " + (t1-t0)/1e6 + " failures " + s.failures());
            for (PowerRow r : s.rows()) System.out.println(r.effect()+" sim "+r.power().getAsDouble()+" se "+r.mcSe().getAsDouble()+" an "+an.row(r.effect()).power().getAsDouble()+" bias "+r.bias().getAsDouble()+" cov "+r.coverage().getAsDouble());
        }
        long t0 = System.nanoTime();
        PowerResult m = PowerSimulation.apimem(ApimPower.distinguishable("m","w").withActor(0.1).withPartner(0.05).withDyads(100)).withReplicates(200).fit();
        System.out.println("apimem ms " + (System.nanoTime()-t0)/1e6 + " " + m.failures());
        for (PowerRow r : m.rows()) System.out.println(r.effect()+" "+r.power().getAsDouble()+" bias "+r.bias().getAsDouble()+" cov "+r.coverage().getAsDouble());
    }
}
