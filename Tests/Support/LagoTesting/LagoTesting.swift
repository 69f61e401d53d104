import LagoAPI
import LagoSandbox
