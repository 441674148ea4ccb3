// Copies the README's Install block into pom.xml and its Quickstart snippets into Quickstart.java,
// so this consumer builds exactly what the README shows.
def text = new File(readme).getText('UTF-8')

def block = { String heading, String lang ->
    int h = text.indexOf(heading)
    if (h < 0) throw new IllegalStateException("README.md has no '${heading}'")
    int s = text.indexOf('```' + lang + '\n', h)
    int e = text.indexOf('\n```', s + 1)
    if (s < 0 || e < 0) throw new IllegalStateException("README.md: no ${lang} block after '${heading}'")
    text.substring(s + lang.length() + 4, e)
}

def install = block('## Install', 'xml')
if (!install.contains("<version>${projectVersion}</version>")) {
    throw new IllegalStateException("README's Install shows another version than ${projectVersion}")
}
// The consumer's own test dependency, added to the README's <dependencies>.
def junit = '''  <dependency>
    <groupId>org.junit.jupiter</groupId>
    <artifactId>junit-jupiter</artifactId>
    <version>''' + junitVersion + '''</version>
    <scope>test</scope>
  </dependency>
</dependencies>'''
install = install.replaceFirst('</dependencies>\\s*$', junit)
def pom = new File(basedir, 'pom.xml')
pom.setText(pom.getText('UTF-8').replace('<!-- README:install -->', install), 'UTF-8')

def java = new File(basedir, 'src/main/java/com/example/Quickstart.java')
def source = java.getText('UTF-8')
['One client, shared': 'client', 'Neutral: one code path': 'neutral', 'When the outcome is unknown': 'outcome'].each { heading, name ->
    source = source.replace("// README:${name}", block('### ' + heading, 'java'))
}
java.setText(source, 'UTF-8')
println "readme-classpath: copied Install and ${['client', 'neutral', 'outcome']} from ${readme}"
return true
