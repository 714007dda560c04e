/** The floor of any JVM program: what every dbtok timing is compared with. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
