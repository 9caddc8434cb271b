/// The built-in skill taxonomy, one skill a line: id | canonical name | category | aliases.
/// Kept as a Swift literal rather than a bundle resource so that an installed binary can never
/// start without it; `SkillTaxonomy` parses it once.
extension SkillTaxonomy {
    static let builtInData = #"""
# CentralD skill taxonomy. Columns (" | "-separated): id, canonical name, category, aliases (comma-separated).
# Alias prefixes for free-text extraction (skill lists ignore them):
#   ~  ambiguous: needs capitalisation and context (a skill list, "programming", "in/with/using …")
#   ^  needs a capital first letter ("React", not "react to")
#   =  needs all capitals ("REST", "SAS")
#   !  only in skill lists, never in free text ("pg", "ts")
# The canonical name is an alias too unless it appears with a prefix in the alias column.
python | Python | language | python3,python 3,python2,!py
java | Java | language | java 8,java 11,java 17,core java,java se,j2se,java ee,j2ee,jee
javascript | JavaScript | language | js,java script,ecmascript,es6,es2015,vanilla js,vanilla javascript
typescript | TypeScript | language | !ts,type script
c | C | language | ~c,c language,c programming,ansi c,embedded c
cpp | C++ | language | cpp,cplusplus,c plus plus,c++11,c++14,c++17,c++20,modern c++
csharp | C# | language | c sharp,csharp,c#.net,c# .net,visual c#
go | Go | language | ~go,golang,go lang,go language,go programming
rust | Rust | language | ~rust,rustlang,rust lang,rust programming
ruby | Ruby | language | ruby language
php | PHP | language | php5,php7,php8
swift | Swift | language | ~swift,swift programming
kotlin | Kotlin | language
scala | Scala | language
r | R | language | ~r,r programming,r language,rstudio,r studio,tidyverse,ggplot2,!r lang
perl | Perl | language
bash | Bash | language | ^bash,shell scripting,bash scripting,shell script,unix shell,sh scripting
powershell | PowerShell | language | power shell,ps1
objc | Objective-C | language | objective c,objc,obj-c
dart | Dart | language | ~dart
lua | Lua | language
haskell | Haskell | language
elixir | Elixir | language | ^elixir
erlang | Erlang | language
clojure | Clojure | language
fsharp | F# | language | f sharp,fsharp
julia | Julia | language | ~julia
matlab | MATLAB | language
fortran | Fortran | language
cobol | COBOL | language
vb | Visual Basic | language | vb,vb.net,vba,visual basic for applications,vb6,vbscript
assembly | Assembly | language | ~assembly,assembly language,asm,x86 assembly
groovy | Groovy | language | ^groovy
solidity | Solidity | language
abap | ABAP | language | sap abap
apex | Apex | language | ^apex,salesforce apex
plsql | PL/SQL | language | pl sql,plsql,pl-sql
tsql | T-SQL | language | tsql,t sql,transact-sql,transact sql
sql | SQL | language | structured query language,sql queries,sql query,sql programming,ansi sql
html | HTML | web | html5,html 5,xhtml,dhtml
css | CSS | web | css3,css 3
sass | Sass | web | scss,^sass,less css
tailwind | Tailwind CSS | web | tailwind,tailwindcss
bootstrap | Bootstrap | web | ^bootstrap,twitter bootstrap
jquery | jQuery | web | jquery ui
react | React | frontend | ^react,react.js,reactjs,react js,react 18
reactnative | React Native | mobile | react-native,reactnative
redux | Redux | frontend | redux toolkit,redux-saga
nextjs | Next.js | frontend | next.js,nextjs,next js
angular | Angular | frontend | angular.js,angularjs,angular js,angular 2,angular2,angular 8,angular 10,angular 12,angular 14,angular 16,angular framework
vue | Vue.js | frontend | vue,vue.js,vuejs,vue js,vue 3,nuxt,nuxt.js
svelte | Svelte | frontend | sveltekit
ember | Ember.js | frontend | ember.js,emberjs,~ember
backbone | Backbone.js | frontend | backbone.js,backbonejs,~backbone
knockout | Knockout.js | frontend | knockout.js,knockoutjs
meteor | Meteor.js | frontend | meteor.js,meteorjs,~meteor
d3 | D3.js | frontend | d3.js,d3js,d3
gwt | GWT | frontend | google web toolkit
webpack | Webpack | frontend
babel | Babel | frontend | ^babel
graphql | GraphQL | web | graph ql,apollo graphql
rest | REST APIs | web | =rest,rest api,rest apis,restful,restful api,restful apis,restful services,rest services,restful web services,restapi,rest web services
soap | SOAP | web | =soap,soap web services
webservices | Web Services | web | web services,webservices,web service
grpc | gRPC | web
websocket | WebSockets | web | websocket,websockets,web sockets
ajax | AJAX | web | ^ajax
json | JSON | web
xml | XML | web | xslt,xpath
nodejs | Node.js | backend | node.js,nodejs,node js,~node,node.js development
express | Express.js | backend | express.js,expressjs,~express
nestjs | NestJS | backend | nest.js,nestjs
django | Django | backend | django rest framework,drf
flask | Flask | backend | ^flask
fastapi | FastAPI | backend | fast api
spring | Spring | backend | ~spring,spring framework,spring mvc,spring core
springboot | Spring Boot | backend | spring boot,springboot,spring-boot
hibernate | Hibernate | backend | jpa,hibernate orm
rails | Ruby on Rails | backend | ruby on rails,ror,^rails,rails framework
laravel | Laravel | backend
symfony | Symfony | backend
dotnet | .NET | backend | .net,dotnet,dot net,.net framework,.net core,asp.net,asp.net core,asp.net mvc,asp .net,aspnet,ado.net,net core
entityframework | Entity Framework | backend | entity framework,ef core
wcf | WCF | backend | windows communication foundation
microservices | Microservices | architecture | microservice,micro services,microservices architecture
soa | SOA | architecture | service oriented architecture,service-oriented architecture
ddd | Domain-Driven Design | architecture | domain driven design,ddd
eventdriven | Event-Driven Architecture | architecture | event driven architecture,event-driven,event driven
serverless | Serverless | architecture
designpatterns | Design Patterns | architecture | design patterns,software design patterns
oop | OOP | architecture | object oriented programming,object-oriented programming,object oriented design,ood
systemdesign | System Design | architecture | system design,systems design
datastructures | Data Structures | architecture | data structures,data structures and algorithms,dsa
ios | iOS | mobile | ios development,ios sdk
android | Android | mobile | android sdk,android development
androidstudio | Android Studio | mobile | android studio
flutter | Flutter | mobile
xamarin | Xamarin | mobile
ionic | Ionic | mobile | ^ionic
cordova | Cordova | mobile | phonegap,apache cordova
postgresql | PostgreSQL | database | postgres,postgre sql,postgre,postgresql,!pg,psql,postgres sql
mysql | MySQL | database | my sql,mariadb
sqlserver | SQL Server | database | sql server,sqlserver,ms sql,mssql,ms-sql,ms sql server,microsoft sql server,mssql server,ssms
oracledb | Oracle Database | database | oracle,oracle db,oracle database,oracle sql,oracle 11g,oracle 12c,oracle 19c
sqlite | SQLite | database | sqlite3
mongodb | MongoDB | database | mongo,mongo db,mongodb atlas
cassandra | Cassandra | database | apache cassandra
redis | Redis | database
elasticsearch | Elasticsearch | database | elastic search,opensearch
dynamodb | DynamoDB | database | dynamo db,dynamo
couchbase | Couchbase | database | couchdb
neo4j | Neo4j | database | graph database,cypher
db2 | DB2 | database | ibm db2
teradata | Teradata | database
snowflake | Snowflake | database | ^snowflake,snowflake db
redshift | Redshift | database | amazon redshift,aws redshift
bigquery | BigQuery | database | big query,google bigquery
hbase | HBase | database
nosql | NoSQL | database | no sql,no-sql,nosql databases
rdbms | RDBMS | database | relational databases,relational database,rdbms
sybase | Sybase | database
firebase | Firebase | database | firestore
supabase | Supabase | database
pinecone | Pinecone | database | ^pinecone
pgvector | pgvector | database
aws | AWS | cloud | amazon web services,aws cloud,amazon aws
azure | Azure | cloud | microsoft azure,ms azure,azure cloud
gcp | GCP | cloud | google cloud,google cloud platform,gcloud
ec2 | EC2 | cloud | aws ec2,amazon ec2
s3 | S3 | cloud | aws s3,amazon s3
lambda | AWS Lambda | cloud | aws lambda,lambda functions
cloudformation | CloudFormation | cloud | aws cloudformation,cfn
ecs | Amazon ECS | cloud | aws ecs,ecs,fargate
eks | Amazon EKS | cloud | aws eks,eks
sagemaker | SageMaker | cloud | aws sagemaker,amazon sagemaker
azuredevops | Azure DevOps | devops | azure devops,vsts,tfs,team foundation server
heroku | Heroku | cloud
openstack | OpenStack | cloud
vmware | VMware | cloud | vsphere,esxi,vmware vsphere
cloud | Cloud Computing | cloud | cloud computing,cloud services,cloud platforms,cloud native,cloud-native
docker | Docker | devops | docker compose,docker-compose,dockerfile,containerization
kubernetes | Kubernetes | devops | k8s,kube,kubernetes cluster,kubernates,kubernets
openshift | OpenShift | devops | red hat openshift
helm | Helm | devops | ^helm,helm charts
terraform | Terraform | devops | terraform cloud
ansible | Ansible | devops
puppet | Puppet | devops | ^puppet
chef | Chef | devops | ~chef,chef infra
jenkins | Jenkins | devops | jenkins pipeline,jenkins pipelines
gitlabci | GitLab CI | devops | gitlab ci,gitlab ci/cd,gitlab-ci
githubactions | GitHub Actions | devops | github actions,gh actions
circleci | CircleCI | devops | circle ci
travisci | Travis CI | devops | travis,travis ci
cicd | CI/CD | devops | ci/cd,ci cd,cicd,ci/cd pipelines,ci/cd pipeline,continuous integration,continuous delivery,continuous deployment,ci-cd
devops | DevOps | devops | dev ops,devsecops
sre | SRE | devops | site reliability engineering,site reliability
git | Git | devops | ^git,git version control
github | GitHub | devops | git hub
gitlab | GitLab | devops | git lab
bitbucket | Bitbucket | devops | bit bucket
svn | SVN | devops | subversion,apache subversion
maven | Maven | devops | apache maven
gradle | Gradle | devops
npm | npm | devops | yarn,pnpm
linux | Linux | os | linux administration,redhat linux,red hat linux,rhel,ubuntu,centos,debian
unix | Unix | os | unix administration,solaris,aix
windowsserver | Windows Server | os | windows server,windows server 2016,windows server 2019,active directory
macos | macOS | os | mac os,mac os x,osx
prometheus | Prometheus | observability
grafana | Grafana | observability
datadog | Datadog | observability | data dog
splunk | Splunk | observability
newrelic | New Relic | observability | new relic,newrelic
nginx | Nginx | infrastructure
apache | Apache HTTP Server | infrastructure | apache http server,apache httpd,httpd
tomcat | Tomcat | infrastructure | apache tomcat
weblogic | WebLogic | infrastructure | oracle weblogic
websphere | WebSphere | infrastructure | ibm websphere
networking | Networking | infrastructure | tcp/ip,tcp ip,computer networking,network administration,dns,dhcp,routing and switching
cisco | Cisco | infrastructure | ccna,ccnp,cisco ios
firewalls | Firewalls | security | firewall,firewalls,palo alto networks
cybersecurity | Cybersecurity | security | cyber security,information security,infosec,it security,security operations
siem | SIEM | security
penetrationtesting | Penetration Testing | security | penetration testing,pen testing,pentesting,ethical hacking
iam | IAM | security | identity and access management,okta
oauth | OAuth | security | oauth2,oauth 2.0,openid connect,oidc,saml,sso,single sign-on
cryptography | Cryptography | security | encryption,pki
owasp | OWASP | security
soc2 | SOC 2 | security | soc 2,soc2
nist | NIST | security
fireeye | FireEye | security | fire eye
kafka | Kafka | data | apache kafka,kafka streams
rabbitmq | RabbitMQ | data | rabbit mq
activemq | ActiveMQ | data | active mq,jms
spark | Apache Spark | data | ^spark,apache spark,pyspark,spark sql,spark streaming
hadoop | Hadoop | data | apache hadoop,hdfs,mapreduce,map reduce
hive | Hive | data | ^hive,apache hive,hiveql
pig | Pig | data | ~pig,apache pig
airflow | Airflow | data | ^airflow,apache airflow
dbt | dbt | data | data build tool
flink | Flink | data | apache flink
beam | Apache Beam | data | apache beam
databricks | Databricks | data
etl | ETL | data | elt,etl pipelines,extract transform load,etl development
informatica | Informatica | data | informatica powercenter
talend | Talend | data
ssis | SSIS | data | sql server integration services
ssrs | SSRS | data | sql server reporting services
ssas | SSAS | data | sql server analysis services
datawarehouse | Data Warehousing | data | data warehousing,data warehouse,dwh,edw,data warehouses
datamodeling | Data Modeling | data | data modeling,data modelling,dimensional modeling,data model
datalake | Data Lake | data | data lake,data lakes,lakehouse
bigdata | Big Data | data | big data
dataengineering | Data Engineering | data | data engineering,data pipelines,data pipeline
dataanalysis | Data Analysis | data | data analysis,data analytics,data analyst
datamining | Data Mining | data | data mining
datamanagement | Data Management | data | data management,master data management,mdm
datagovernance | Data Governance | data | data governance,data quality
datavisualization | Data Visualization | data | data visualization,data visualisation,dashboards,dashboarding
datascience | Data Science | data | data science
statistics | Statistics | data | statistical analysis,statistical modeling,statistical modelling,statistics
pandas | pandas | data
numpy | NumPy | data
scipy | SciPy | data
businessintelligence | Business Intelligence | bi | =BI,bi reporting,bi development
tableau | Tableau | bi | tableau desktop,tableau server
powerbi | Power BI | bi | power bi,powerbi,microsoft power bi,power-bi,dax,power query
looker | Looker | bi | ^looker,looker studio
qlik | Qlik | bi | qlikview,qlik sense,qliksense
excel | Excel | bi | ^excel,ms excel,microsoft excel,advanced excel,excel vba,vlookup,pivot tables
sas | SAS | bi | =sas,sas programming,base sas,sas enterprise guide
spss | SPSS | bi | ibm spss
stata | Stata | bi
alteryx | Alteryx | bi
microstrategy | MicroStrategy | bi
cognos | Cognos | bi | ibm cognos
businessobjects | SAP BusinessObjects | bi | business objects,businessobjects,sap bo
ga | Google Analytics | bi | google analytics,ga4
machinelearning | Machine Learning | ai | machine learning,=ml,ml models,machine-learning,machine learning models
deeplearning | Deep Learning | ai | deep learning,neural networks,neural network
ai | Artificial Intelligence | ai | artificial intelligence,ai/ml,ai ml,=ai
nlp | NLP | ai | natural language processing,nlp,text mining,text analytics
computervision | Computer Vision | ai | computer vision,image processing,opencv
llm | LLMs | ai | llm,llms,large language models,large language model,generative ai,genai,gen ai,gpt,chatgpt
rag | RAG | ai | retrieval augmented generation,retrieval-augmented generation,=rag
promptengineering | Prompt Engineering | ai | prompt engineering
langchain | LangChain | ai | lang chain,llamaindex
tensorflow | TensorFlow | ai | tensor flow,!tf,keras
pytorch | PyTorch | ai | py torch,torch
scikitlearn | scikit-learn | ai | scikit learn,sklearn,scikit
xgboost | XGBoost | ai | lightgbm,catboost
mlops | MLOps | ai | ml ops,mlflow,kubeflow
huggingface | Hugging Face | ai | hugging face,huggingface
reinforcementlearning | Reinforcement Learning | ai | reinforcement learning
predictivemodeling | Predictive Modeling | ai | predictive modeling,predictive modelling,predictive analytics,forecasting models
selenium | Selenium | testing | selenium webdriver,webdriver
cypress | Cypress | testing | ^cypress
abtesting | A/B Testing | testing | a/b testing,ab testing,a/b tests,split testing
playwright | Playwright | testing | ^playwright
jest | Jest | testing | ^jest
mocha | Mocha | testing | ^mocha,chai
junit | JUnit | testing | junit5,junit 5
testng | TestNG | testing
pytest | pytest | testing | py.test
cucumber | Cucumber | testing | ^cucumber,gherkin,bdd,behavior driven development
spock | Spock | testing | ^spock
jmeter | JMeter | testing | apache jmeter
performancetesting | Performance Testing | testing | performance testing,load testing,stress testing
postman | Postman | testing | ^postman
unittesting | Unit Testing | testing | unit testing,unit tests,unit test
tdd | TDD | testing | test driven development,test-driven development
automationtesting | Test Automation | testing | test automation,automation testing,automated testing,qa automation
manualtesting | Manual Testing | testing | manual testing
qa | Quality Assurance | testing | quality assurance,qa,software testing,qa testing
agile | Agile | methodology | agile methodology,agile methodologies,agile development,agile software development
scrum | Scrum | methodology | scrum master
kanban | Kanban | methodology
safe | SAFe | methodology | scaled agile,scaled agile framework,=safe
waterfall | Waterfall | methodology | ^waterfall
sdlc | SDLC | methodology | software development life cycle,software development lifecycle
itil | ITIL | methodology | itil v3,itil v4
leansixsigma | Six Sigma | methodology | six sigma,lean six sigma
pmp | PMP | methodology | project management professional
jira | Jira | tools | atlassian jira
confluence | Confluence | tools | ^confluence
servicenow | ServiceNow | tools | service now
salesforce | Salesforce | tools | sfdc,salesforce crm,salesforce.com
sap | SAP | tools | =sap,sap erp,sap hana,s/4hana,sap fico,sap mm,sap sd
oracleebs | Oracle EBS | tools | oracle ebs,oracle e-business suite,oracle apps
dynamics | Microsoft Dynamics | tools | microsoft dynamics,dynamics 365,d365
sharepoint | SharePoint | tools | share point
msoffice | Microsoft Office | tools | ms office,microsoft office,office 365,o365,microsoft 365,ms word,microsoft word
powerpoint | PowerPoint | tools | power point,ms powerpoint
visio | Visio | tools | ms visio
outlook | Outlook | tools | ^outlook,ms outlook
figma | Figma | design
sketch | Sketch | design | ^sketch
adobexd | Adobe XD | design | adobe xd
photoshop | Photoshop | design | adobe photoshop
illustrator | Illustrator | design | adobe illustrator,^illustrator
adobecs | Adobe Creative Suite | design | adobe creative suite,adobe creative cloud,indesign,adobe indesign
uxdesign | UX Design | design | ux,ux design,user experience design,ui/ux,ui ux,ux/ui,user interface design,ui design,wireframing
webdesign | Web Design | design | web design,web designing
unity | Unity | gamedev | ^unity,unity3d,unity 3d
unrealengine | Unreal Engine | gamedev | unreal engine,ue4,ue5
opengl | OpenGL | graphics
cuda | CUDA | graphics
embedded | Embedded Systems | embedded | embedded systems,embedded software,firmware,rtos
fpga | FPGA | embedded | verilog,vhdl
plc | PLC | embedded | plc programming
iot | IoT | embedded | internet of things
blockchain | Blockchain | web3 | ethereum,web3,smart contracts
arcgis | GIS | data | gis,arcgis,qgis
crm | CRM | business | customer relationship management
erp | ERP | business | enterprise resource planning
seo | SEO | marketing | search engine optimization,search engine optimisation
sem | SEM | marketing | search engine marketing,google ads,ppc
digitalmarketing | Digital Marketing | marketing | digital marketing,online marketing,social media marketing
projectmanagement | Project Management | management | project management,project planning,program management
productmanagement | Product Management | management | product management,product owner,product ownership
stakeholdermanagement | Stakeholder Management | management | stakeholder management,stakeholder engagement
leadership | Leadership | soft | !leadership,team leadership,people management,team management,leadership skills
communication | Communication | soft | !communication,communication skills,verbal communication,written communication,excellent communication,communication skill
problemsolving | Problem Solving | soft | problem solving,problem-solving,analytical skills,critical thinking
teamwork | Teamwork | soft | team player,teamwork,collaboration skills
timemanagement | Time Management | soft | time management
mentoring | Mentoring | soft | mentoring,mentorship
requirementsgathering | Requirements Gathering | business | requirements gathering,requirement gathering,requirements analysis,business requirements
businessanalysis | Business Analysis | business | business analysis,business analyst
financialmodeling | Financial Modeling | finance | financial modeling,financial modelling,financial analysis
accounting | Accounting | finance | gaap,ifrs,bookkeeping
quickbooks | QuickBooks | finance | quick books
api | API Development | web | api development,api design,api integration,rest api development
oauthjwt | JWT | security | json web tokens,json web token
regex | Regular Expressions | tools | regex,regular expressions,regexp
vim | Vim | tools | ^vim,neovim
visualstudio | Visual Studio | tools | visual studio,vs code,vscode,visual studio code
intellij | IntelliJ IDEA | tools | intellij,intellij idea
eclipse | Eclipse | tools | ^eclipse
xcode | Xcode | tools
swaggers | OpenAPI | web | swagger,openapi,open api
oauthkeycloak | Keycloak | security
istio | Istio | devops | service mesh
consul | Consul | devops | ^consul,hashicorp consul
vault | Vault | devops | hashicorp vault,~vault
packer | Packer | devops | hashicorp packer
vagrant | Vagrant | devops | ^vagrant
argo | Argo CD | devops | argo cd,argocd,argo workflows
pulumi | Pulumi | devops
nagios | Nagios | observability | zabbix
elk | Logstash | observability | logstash,kibana,fluentd
opentelemetry | OpenTelemetry | observability | open telemetry,otel
pubsub | Pub/Sub | cloud | pub/sub,google pub/sub,sns,sqs,aws sqs,aws sns
bigtable | Bigtable | database | cloud bigtable
cosmosdb | Cosmos DB | database | cosmos db,cosmosdb,azure cosmos db
azurefunctions | Azure Functions | cloud | azure functions
dataflow | Dataflow | data | google dataflow,cloud dataflow
glue | AWS Glue | data | aws glue
athena | Athena | data | aws athena,amazon athena
kinesis | Kinesis | data | aws kinesis,amazon kinesis
emr | EMR | data | aws emr,amazon emr
synapse | Azure Synapse | data | azure synapse,synapse analytics
adf | Azure Data Factory | data | azure data factory,adf
presto | Presto | data | trino,^presto
clickhouse | ClickHouse | database | click house
influxdb | InfluxDB | database | influx db,timescaledb
memcached | Memcached | database
solr | Solr | database | apache solr,lucene
zookeeper | ZooKeeper | data | apache zookeeper
nifi | NiFi | data | apache nifi
celery | Celery | backend | ^celery
grails | Grails | backend
struts | Struts | backend | apache struts
jsp | JSP | backend | java server pages,servlets,jsf
ejb | EJB | backend | enterprise java beans
gin | Gin | backend | ~gin
koa | Koa | backend | ^koa
sinatra | Sinatra | backend | ^sinatra
phoenix | Phoenix | backend | ~phoenix,phoenix framework
qt | Qt | frontend | qt framework,pyqt
wpf | WPF | frontend | windows presentation foundation,winforms,windows forms
blazor | Blazor | frontend
razor | Razor | frontend | ^razor
mvc | MVC | architecture | model view controller,mvvm
electron | Electron | frontend | ^electron,electron.js
threejs | Three.js | frontend | three.js,threejs
webgl | WebGL | frontend
pwa | PWA | frontend | progressive web apps,progressive web app
storybook | Storybook | frontend
materialui | Material UI | frontend | material ui,material-ui,mui
rxjs | RxJS | frontend | rx js,reactive extensions
ngrx | NgRx | frontend
swiftui | SwiftUI | mobile | swift ui
uikit | UIKit | mobile | ui kit
jetpackcompose | Jetpack Compose | mobile | jetpack compose
coredata | Core Data | mobile | core data
crosscompiling | Cross-platform Development | mobile | cross-platform,cross platform
smtp | Email Protocols | infrastructure | smtp,imap
loadbalancing | Load Balancing | infrastructure | load balancing,load balancers,haproxy
cdn | CDN | infrastructure | cloudflare,akamai,cloudfront
virtualization | Virtualization | infrastructure | hyper-v,virtual machines,kvm
storage | SAN Storage | infrastructure | netapp,storage area network,san storage
backups | Backup and Recovery | infrastructure | backup and recovery,disaster recovery
citrix | Citrix | infrastructure
mainframe | Mainframe | infrastructure | z/os,jcl,cics,mainframes
as400 | AS/400 | infrastructure | as400,as/400,ibm iseries
hl7 | HL7 | domain | fhir,hl7
epic | Epic | domain | ~epic,epic systems,epic emr
hipaa | HIPAA | domain
pci | PCI DSS | domain | pci dss,pci-dss,pci compliance
gdpr | GDPR | domain
fintech | Fintech | domain | payment systems
ecommerce | E-commerce | domain | e-commerce,ecommerce,shopify,magento,woocommerce
wordpress | WordPress | web | word press
drupal | Drupal | web
cms | CMS | web | content management system,aem,adobe experience manager,sitecore
tcl | Tcl | language | ~tcl
ocaml | OCaml | language
zig | Zig | language | ~zig
delphi | Delphi | language | ^delphi,object pascal
pascal | Pascal | language | ~pascal
prolog | Prolog | language
lisp | Lisp | language | common lisp
smalltalk | Smalltalk | language
crystalreports | Crystal Reports | bi | crystal reports
googlesheets | Google Sheets | tools | google sheets,google workspace,g suite,gsuite
slack | Slack | tools | ^slack
trello | Trello | tools
asana | Asana | tools | ^asana
notion | Notion | tools | ~notion
zendesk | Zendesk | tools
hubspot | HubSpot | tools | hub spot
marketo | Marketo | tools
workday | Workday | tools | ^workday
netsuite | NetSuite | tools | oracle netsuite
kotlincoroutines | Coroutines | language | coroutines,goroutines
concurrency | Concurrency | architecture | multithreading,multi-threading,concurrent programming,parallel processing,parallel programming
distributedsystems | Distributed Systems | architecture | distributed systems,distributed computing
highavailability | High Availability | architecture | high availability,fault tolerance
performance | Performance Tuning | architecture | performance tuning,performance optimization,query optimization
caching | Caching | architecture | ^caching
security | Application Security | security | application security,appsec,secure coding
codereview | Code Review | methodology | code review,code reviews
pairprogramming | Pair Programming | methodology | pair programming
versioncontrol | Version Control | devops | version control,source control,version control systems
monitoring | Monitoring | observability | !monitoring,observability
logging | Logging | observability | !logging,log management
infrastructureascode | Infrastructure as Code | devops | infrastructure as code,iac
configurationmanagement | Configuration Management | devops | configuration management
releasemanagement | Release Management | devops | release management,build and release
technicalwriting | Technical Writing | soft | technical writing
customerservice | Customer Service | soft | customer service,customer support,client service
sales | Sales | business | !sales,b2b sales,saas sales,business development
negotiation | Negotiation | soft | negotiation,negotiation skills
# Infrastructure, security and IT-operations skills that Dice's skill lists name most often (found among the
# unknown phrases of the real files).
windows | Windows | os | ^windows,windows 7,windows 10,windows 11,microsoft windows
http | HTTP | web | =http,=https,http/https
vpn | VPN | infrastructure | =vpn,virtual private network
lanwan | LAN/WAN | infrastructure | =lan,=wan,lan/wan,wan/lan,local area network,wide area network
ethernet | Ethernet | infrastructure | ^ethernet
bgp | BGP | infrastructure | =bgp,=ospf,=eigrp
mpls | MPLS | infrastructure | =mpls
wireless | Wireless Networking | infrastructure | !wireless,wifi,wi-fi,wlan,wireless networking
cissp | CISSP | security | =cissp
ccie | CCIE | infrastructure | =ccie
mcse | MCSE | os | =mcse,=mcsa
idsips | IDS/IPS | security | =ids,=ips,ids/ips,intrusion detection,intrusion prevention
ssl | SSL/TLS | security | =ssl,=tls,ssl/tls,ssl certificates
sox | SOX Compliance | finance | =sox,sarbanes-oxley,sarbanes oxley,sox compliance
iis | IIS | infrastructure | =iis,internet information services
exchange | Microsoft Exchange | infrastructure | microsoft exchange,exchange server,ms exchange,!exchange
sccm | SCCM | infrastructure | =sccm,=mecm,system center configuration manager
helpdesk | Help Desk | soft | help desk,helpdesk,service desk
desktopsupport | Desktop Support | infrastructure | desktop support,end user support,technical support,tech support
troubleshooting | Troubleshooting | soft | troubleshooting
dba | Database Administration | database | =dba,database administration,database administrator
middleware | Middleware | backend | middleware
uml | UML | design | =uml,unified modeling language
jdbc | JDBC | backend | =jdbc
peoplesoft | PeopleSoft | tools | peoplesoft
changemanagement | Change Management | management | change management
riskmanagement | Risk Management | management | risk management,risk assessment
supplychain | Supply Chain | business | supply chain,supply chain management
capacityplanning | Capacity Planning | infrastructure | capacity planning
rpa | RPA | tools | =rpa,robotic process automation,uipath,blue prism,automation anywhere
cobit | COBIT | methodology | =cobit
telecom | Telecommunications | domain | telecommunications,!telecom
algorithms | Algorithms | architecture | !algorithms,algorithm design
duediligence | Due Diligence | finance | due diligence
fullstack | Full Stack Development | web | full stack,full-stack,full stack development,fullstack
documentation | Documentation | soft | !documentation,technical documentation
msaccess | Microsoft Access | database | ms access,microsoft access,!access database
autocad | AutoCAD | tools | autocad,auto cad
datacollection | Data Collection | data | data collection
dataentry | Data Entry | data | data entry
reportwriting | Report Writing | soft | report writing
rootcause | Root Cause Analysis | methodology | root cause analysis,rca
"""#
}
